using Microchat.Contracts;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>A message's edit history, readable by exactly those who may read the message.</summary>
internal sealed class MessageVersionService(ChatAccess access, MessageService messages, IMessageVersionStore versions, IMediaStore media)
{
    /// <summary>The message's earlier versions, newest first; attachments whose media is gone are left out.</summary>
    public async ValueTask<IReadOnlyList<MessageVersion>> ListAsync(Caller caller, string chat, long id, PageQuery page, CancellationToken ct)
    {
        var view = await access.ViewAsync(caller, chat, ct);
        await messages.FindAsync(view, id, ct);
        var found = await versions.ListAsync(view.Key, id, page.Skip, page.Take, ct);
        var ids = found.SelectMany(v => v.Attachments).Select(a => a.MediaId).Distinct(StringComparer.Ordinal).ToList();
        var files = ids.Count == 0
            ? new Dictionary<string, Media>()
            : (await media.GetManyAsync(ids, ct)).ToDictionary(m => m.Id, m => m.ToContract(), StringComparer.Ordinal);
        return found.Select(v => new MessageVersion(
                v.Text,
                v.Attachments.Where(a => files.ContainsKey(a.MediaId)).Select(a => new Attachment(a.Id, a.Kind, files[a.MediaId])).ToList(),
                v.EditedAt))
            .ToList();
    }
}
