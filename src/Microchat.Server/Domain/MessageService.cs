using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Server.Events;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>
/// Sending, reading, editing and deleting messages. Each request is checked in one order:
/// may the caller see the chat (404), may it do this (403), is the input good (400); only then
/// is anything stored, and only after it is stored is the event published.
/// </summary>
internal sealed class MessageService(
    ChatAccess access,
    IMessageStore messages,
    MessageContent content,
    MessagePresenter presenter,
    ChatEventPublisher events,
    UnitOfWorkRunner units,
    ReactionEventPublisher messageEvents,
    MicrochatClock clock)
{
    public async ValueTask<Message> SendAsync(Caller caller, string chat, SendMessageRequest request, CancellationToken ct)
    {
        var view = await access.ViewAsync(caller, chat, ct);
        ChatAccess.Require(view, p => p.Send, "send messages");
        var ids = request.Attachments ?? [];
        if (ids.Count > 0) ChatAccess.Require(view, p => p.SendMedia, "send media");

        var errors = new FieldErrors();
        var text = MessageContent.Text(request.Text, errors);
        var attachments = await content.AttachmentsAsync(ids, [], errors, ct);
        if (request.ReplyTo is { } replyTo)
        {
            var original = view.CanRead(replyTo) ? await messages.GetAsync(view.Key, replyTo, ct) : null;
            errors.Require(original is not null, "reply_to", "reply_to must be the id of a message of this chat that you can read.");
        }
        errors.Require(text is not null || ids.Count > 0, "text", "A message needs text or at least one attachment.");
        errors.ThrowIfAny();

        var links = MessageContent.Links(text, []);
        return await units.RunAsync(view.WriteLocks, async inner =>
        {
            // Re-checked inside the unit: the caller may have been removed or muted since.
            var fresh = await access.ViewAsync(caller, chat, inner);
            ChatAccess.Require(fresh, p => p.Send, "send messages");
            if (ids.Count > 0) ChatAccess.Require(fresh, p => p.SendMedia, "send media");
            var stored = await messages.AppendAsync(fresh.Key, new MessageRecord
            {
                SenderId = caller.Id,
                Text = text,
                Attachments = attachments,
                Links = links,
                ReplyTo = request.ReplyTo,
                SentAt = clock.Now(),
            }, inner);
            var message = await presenter.PresentNewAsync(fresh, stored, inner);
            await PublishAsync(fresh, EventNames.MessageCreated, message);
            return message;
        }, ct);
    }

    public async ValueTask<IReadOnlyList<Message>> ListAsync(Caller caller, string chat, PageQuery page, long? before, CancellationToken ct)
    {
        var view = await access.ViewAsync(caller, chat, ct);
        ChatAccess.Require(view, p => p.Read, "read messages");
        new FieldErrors().Require(before is null or >= 1, "before", "before must be a message id (1 or more).").ThrowIfAny();

        var records = await messages.ListAsync(view.Key, new MessageQuery(before, page.Skip, page.Take, view.ReadableSpans), ct);
        return await presenter.PresentAsync(view, records, ct);
    }

    public async ValueTask<Message> GetAsync(Caller caller, string chat, long id, CancellationToken ct)
    {
        var view = await access.ViewAsync(caller, chat, ct);
        var record = await FindAsync(view, id, ct);
        return await presenter.PresentAsync(view, record, ct);
    }

    public async ValueTask<Message> EditAsync(Caller caller, string chat, long id, EditMessageRequest request, CancellationToken ct)
    {
        var view = await access.ViewAsync(caller, chat, ct);
        var record = await FindAsync(view, id, ct);
        if (record.SenderId != caller.Id) throw DomainException.Forbidden("Only its author may edit a message.");
        ChatAccess.Require(view, p => p.Send, "edit messages");
        if (request.Attachments?.Any(mediaId => record.Attachments.All(a => a.MediaId != mediaId)) == true)
            ChatAccess.Require(view, p => p.SendMedia, "send media");

        var errors = new FieldErrors();
        errors.Require(request.Text is not null || request.Attachments is not null, "text", "Give text or attachments to change.");
        var text = request.Text is null ? record.Text : MessageContent.Text(request.Text, errors);
        var attachments = request.Attachments is null
            ? record.Attachments
            : await content.AttachmentsAsync(request.Attachments, record.Attachments, errors, ct);
        errors.Require(text is not null || attachments.Count > 0, "text", "A message needs text or at least one attachment.");
        errors.ThrowIfAny();

        return await units.RunAsync(view.WriteLocks, async inner =>
        {
            var fresh = await access.ViewAsync(caller, chat, inner);
            var current = await FindAsync(fresh, id, inner);
            ChatAccess.Require(fresh, p => p.Send, "edit messages");
            var updated = await messages.UpdateAsync(fresh.Key, current with
            {
                Text = text,
                Attachments = attachments,
                Links = request.Text is null ? current.Links : MessageContent.Links(text, current.Links),
                EditedAt = clock.Now(),
            }, inner) ?? throw NotFound(id);
            var message = await presenter.PresentAsync(fresh, updated, inner);
            await PublishAsync(fresh, EventNames.MessageEdited, message);
            return message;
        }, ct);
    }

    public async ValueTask DeleteAsync(Caller caller, string chat, long id, CancellationToken ct)
    {
        var view = await access.ViewAsync(caller, chat, ct);
        var record = await FindAsync(view, id, ct);
        ChatAccess.RequireMayRemove(view, caller.Id, record.SenderId);
        await units.RunAsync(view.WriteLocks, async inner =>
        {
            var fresh = await access.ViewAsync(caller, chat, inner);
            var current = await FindAsync(fresh, id, inner);
            ChatAccess.RequireMayRemove(fresh, caller.Id, current.SenderId);
            if (!await messages.DeleteAsync(fresh.Key, id, inner)) throw NotFound(id);
            await PublishDeletedAsync(fresh, id);
        }, ct);
    }

    /// <summary>A message the caller may read; a 403 without <c>read</c>, a 404 when it is not there for the caller.</summary>
    public async ValueTask<MessageRecord> FindAsync(ChatView view, long id, CancellationToken ct)
    {
        ChatAccess.Require(view, p => p.Read, "read messages");
        var record = view.CanRead(id) ? await messages.GetAsync(view.Key, id, ct) : null;
        return record ?? throw NotFound(id);
    }

    /// <summary>Tells every participant, each seeing the chat (and the message's <c>chat</c>) as they address it.</summary>
    public ValueTask PublishAsync(ChatView view, string name, Message message) =>
        // Each receiver's own "me" in the message's reactions (ReactionEventPublisher); the change is stored, so it never cancels.
        messageEvents.PublishMessageAsync(view.Key, name, message);

    public ValueTask PublishDeletedAsync(ChatView view, long id) =>
        events.PublishAsync(view.Key, EventNames.MessageDeleted, chat => new MessageIdEventData(chat, id), CancellationToken.None);

    private static DomainException NotFound(long id) => DomainException.NotFound($"Message {id}");
}
