using Microchat.Contracts;

namespace Microchat.Client;

/// <summary>The caller's contact list. Implemented by <see cref="ContactsClient"/>; mock it in tests.</summary>
public interface IContactsClient
{
    /// <summary>The caller's contacts by name (<c>GET /contacts</c>).</summary>
    Task<List<Contact>> ListAsync(int? offset = null, int? count = null, CancellationToken cancellationToken = default);

    /// <summary>Adds a user to the caller's contacts (<c>POST /contacts</c>).</summary>
    Task<Contact> AddAsync(AddContactRequest request, CancellationToken cancellationToken = default);

    /// <summary>One contact (<c>GET /contacts/{contact}</c>); contact is "@username" or the user's id.</summary>
    Task<Contact> GetAsync(string contact, CancellationToken cancellationToken = default);

    /// <summary>Renames a contact (<c>PATCH /contacts/{contact}</c>); a null field stays as it is.</summary>
    Task<Contact> UpdateAsync(string contact, UpdateContactRequest request, CancellationToken cancellationToken = default);

    /// <summary>Removes a contact (<c>DELETE /contacts/{contact}</c>).</summary>
    Task DeleteAsync(string contact, CancellationToken cancellationToken = default);
}
