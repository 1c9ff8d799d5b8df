using Microchat.Contracts;
using Microchat.Server.Domain;
using Microchat.Server.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Microchat.Server.Endpoints;

/// <summary>The caller's contact list: <c>/contacts</c>, a contact addressed as <c>@username</c> or by user id.</summary>
internal static class ContactEndpoints
{
    public static RouteGroupBuilder MapContacts(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/contacts").WithTags("Contacts");

        group.MapGet("", ListAsync)
            .WithName("ListContacts").WithSummary("List the caller's contacts by name.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403);

        group.MapPost("", AddAsync)
            .WithName("AddContact").WithSummary("Add a user to the caller's contacts.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404, 409);

        group.MapGet("/{contact}", GetAsync)
            .WithName("GetContact").WithSummary("Get one contact.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        group.MapPatch("/{contact}", UpdateAsync)
            .WithName("UpdateContact").WithSummary("Rename a contact.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        group.MapDelete("/{contact}", DeleteAsync)
            .WithName("DeleteContact").WithSummary("Remove a contact.")
            .ProducesValidationProblem()
            .ProducesProblems(401, 403, 404);

        return api;
    }

    private static async Task<Ok<IReadOnlyList<Contact>>> ListAsync(
        Caller caller, [AsParameters] PageQuery page, ContactService contacts, CancellationToken ct) =>
        TypedResults.Ok(await contacts.ListAsync(caller, page, ct));

    private static async Task<Created<Contact>> AddAsync(
        AddContactRequest request, Caller caller, ContactService contacts, HttpContext http, CancellationToken ct)
    {
        var contact = await contacts.AddAsync(caller, request, ct);
        return TypedResults.Created(Locations.Of(http, $"contacts/{contact.Id}"), contact);
    }

    private static async Task<Ok<Contact>> GetAsync(string contact, Caller caller, ContactService contacts, CancellationToken ct) =>
        TypedResults.Ok(await contacts.GetAsync(caller, contact, ct));

    private static async Task<Ok<Contact>> UpdateAsync(
        string contact, UpdateContactRequest request, Caller caller, ContactService contacts, CancellationToken ct) =>
        TypedResults.Ok(await contacts.UpdateAsync(caller, contact, request, ct));

    private static async Task<NoContent> DeleteAsync(string contact, Caller caller, ContactService contacts, CancellationToken ct)
    {
        await contacts.DeleteAsync(caller, contact, ct);
        return TypedResults.NoContent();
    }
}
