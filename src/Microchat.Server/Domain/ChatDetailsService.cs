using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Server.Events;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>A chat's details: showing them, and editing a profile, a bot or a conference.</summary>
internal sealed class ChatDetailsService(
    IEntityStore entities,
    ChatAccess access,
    ChatDetailsPresenter details,
    ChatEventPublisher events,
    UnitOfWorkRunner units,
    EntityCache entityCache)
{
    public async ValueTask<ChatDetails> GetAsync(Caller caller, string chat, CancellationToken ct)
    {
        var view = await access.ViewAsync(caller, chat, ct);
        return await details.PresentAsync(caller, view, ct);
    }

    /// <summary>Applies the fields of the request that the chat's type has; any other field is a 400.</summary>
    public async ValueTask<ChatDetails> UpdateAsync(Caller caller, string chat, UpdateChatRequest request, CancellationToken ct)
    {
        var found = await access.ViewAsync(caller, chat, ct);
        PermissionRules.CheckEditDetails(caller, found);
        Validate(found.Target.Type, request);

        var view = await units.RunAsync([found.Target.Id], async inner =>
        {
            var current = await entities.FindAsync(found.Target.Id, inner);
            var fresh = current is null ? null : await access.ViewAsync(caller, current, inner);
            if (fresh is null) throw DomainException.NotFound($"Chat '{chat}'");
            PermissionRules.CheckEditDetails(caller, fresh);

            var updated = Apply(fresh.Target, request);
            if (updated == fresh.Target) return fresh;
            if (!await entities.UpdateAsync(updated, inner)) throw DomainException.NotFound($"Chat '{chat}'");
            entityCache.Changed(updated.Id);
            var changed = fresh with { Target = updated };
            if (changed.IsConference)
                await events.PublishAsync(changed.Key, EventNames.ChatUpdated, summary => new ChatEventData(summary), inner);
            else
                await events.PublishProfileAsync(updated.Id, EventNames.ChatUpdated, inner);
            return changed;
        }, ct);
        return await details.PresentAsync(caller, view, ct);
    }

    private static void Validate(EntityType type, UpdateChatRequest request)
    {
        var errors = new FieldErrors();
        var noun = type switch { EntityType.User => "a user's profile", EntityType.Bot => "a bot", _ => "a conference" };
        void NotFor(object? value, string field, bool applies) =>
            errors.Require(applies || value is null, field, $"{field} does not apply to {noun}.");

        NotFor(request.Name, "name", type == EntityType.User);
        NotFor(request.Surname, "surname", type == EntityType.User);
        NotFor(request.Bio, "bio", type == EntityType.User);
        NotFor(request.Title, "title", type != EntityType.User);
        NotFor(request.Description, "description", type != EntityType.User);
        NotFor(request.Private, "private", type == EntityType.Conference);

        if (request.Name is not null) errors.RequireText(request.Name, "name", ProfileRules.MaxNameLength);
        if (request.Title is not null) errors.RequireText(request.Title, "title", ProfileRules.MaxTitleLength);
        errors
            .OptionalText(request.Surname, "surname", ProfileRules.MaxNameLength)
            .OptionalText(request.Bio, "bio", ProfileRules.MaxBioLength)
            .OptionalText(request.Description, "description", ProfileRules.MaxDescriptionLength)
            .ThrowIfAny();
    }

    // A null field stays as it is; "" clears an optional text.
    private static EntityRecord Apply(EntityRecord entity, UpdateChatRequest request) => entity with
    {
        Name = request.Name is null ? entity.Name : TextFields.Line(request.Name),
        Surname = request.Surname is null ? entity.Surname : TextFields.Line(request.Surname),
        Bio = request.Bio is null ? entity.Bio : TextFields.Text(request.Bio),
        Title = request.Title is null ? entity.Title : TextFields.Line(request.Title),
        Description = request.Description is null ? entity.Description : TextFields.Text(request.Description),
        IsPrivate = request.Private ?? entity.IsPrivate,
    };
}
