using Microchat.Contracts;
using Microchat.Server.Errors;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>A chat's galleries: its attachments by kind, and the links found in its messages.</summary>
internal sealed class GalleryService(
    ChatAccess access,
    IMessageStore messages,
    MessageService messageService,
    MessagePresenter presenter)
{
    public async ValueTask<IReadOnlyList<GalleryItem>> ListAsync(Caller caller, string chat, GalleryKind kind, PageQuery page, CancellationToken ct)
    {
        var view = await access.ViewAsync(caller, chat, ct);
        ChatAccess.Require(view, p => p.Read, "read messages");
        var items = await messages.ListGalleryAsync(view.Key, kind, page.Skip, page.Take, view.ReadableSpans, ct);
        return await presenter.PresentAsync(items, ct);
    }

    public async ValueTask<GalleryItem> GetAsync(Caller caller, string chat, GalleryKind kind, long id, CancellationToken ct)
    {
        var view = await access.ViewAsync(caller, chat, ct);
        var item = await FindAsync(view, kind, id, ct);
        var presented = await presenter.PresentAsync([item], ct);
        // The item's media record has gone: there is nothing left to show.
        return presented.Count == 1 ? presented[0] : throw NotFound(kind, id);
    }

    /// <summary>
    /// Removes an attachment or a link item; the message is then edited for everyone. An attachment
    /// that was all its message held takes the message with it, since a message is never empty.
    /// </summary>
    public async ValueTask DeleteAsync(Caller caller, string chat, GalleryKind kind, long id, CancellationToken ct)
    {
        var view = await access.ViewAsync(caller, chat, ct);
        var item = await FindAsync(view, kind, id, ct);
        var message = await messages.GetAsync(view.Key, item.MessageId, ct) ?? throw NotFound(kind, id);
        ChatAccess.RequireMayRemove(view, caller.Id, message.SenderId);

        if (message.Text is null && message.Attachments.All(a => a.Id == id))
        {
            if (!await messages.DeleteAsync(view.Key, message.Id, ct)) throw NotFound(kind, id);
            await messageService.PublishDeletedAsync(view, message.Id);
            return;
        }

        if (!await messages.DeleteGalleryItemAsync(view.Key, kind, id, ct)) throw NotFound(kind, id);
        // Removed: from here on a cancelled request must not keep the event from being published.
        if (await messages.GetAsync(view.Key, message.Id, CancellationToken.None) is { } changed)
        {
            var edited = await presenter.PresentAsync(view, changed, CancellationToken.None);
            await messageService.PublishAsync(view, EventNames.MessageEdited, edited);
        }
    }

    private async ValueTask<GalleryRecord> FindAsync(ChatView view, GalleryKind kind, long id, CancellationToken ct)
    {
        ChatAccess.Require(view, p => p.Read, "read messages");
        var item = await messages.GetGalleryItemAsync(view.Key, kind, id, ct);
        return item is not null && view.CanRead(item.MessageId) ? item : throw NotFound(kind, id);
    }

    private static DomainException NotFound(GalleryKind kind, long id) =>
        DomainException.NotFound($"Item {id} of {kind.ToString().ToLowerInvariant()}");
}
