using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>The caller's contact list.</summary>
public sealed partial class ContactsClient : IContactsClient
{
    private readonly MicrochatTransport _transport;

    internal ContactsClient(MicrochatTransport transport) => _transport = transport;

    /// <summary>The caller's contacts by name (<c>GET /contacts</c>).</summary>
    public Task<List<Contact>> ListAsync(int? offset = null, int? count = null, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<List<Contact>>(MicrochatTransport.Query("contacts", ("offset", offset), ("count", count)), cancellationToken);

    /// <summary>Adds a user to the caller's contacts (<c>POST /contacts</c>).</summary>
    public Task<Contact> AddAsync(AddContactRequest request, CancellationToken cancellationToken = default) =>
        _transport.PostAsync<AddContactRequest, Contact>("contacts", request, cancellationToken);

    /// <summary>One contact (<c>GET /contacts/{contact}</c>); contact is "@username" or the user's id.</summary>
    public Task<Contact> GetAsync(string contact, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<Contact>($"contacts/{MicrochatTransport.Ref(contact)}", cancellationToken);

    /// <summary>Renames a contact (<c>PATCH /contacts/{contact}</c>); a null field stays as it is.</summary>
    public Task<Contact> UpdateAsync(string contact, UpdateContactRequest request, CancellationToken cancellationToken = default) =>
        _transport.PatchAsync<UpdateContactRequest, Contact>($"contacts/{MicrochatTransport.Ref(contact)}", request, cancellationToken);

    /// <summary>Removes a contact (<c>DELETE /contacts/{contact}</c>).</summary>
    public Task DeleteAsync(string contact, CancellationToken cancellationToken = default) =>
        _transport.DeleteAsync($"contacts/{MicrochatTransport.Ref(contact)}", cancellationToken);
}
