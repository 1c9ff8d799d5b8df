using Microchat.Contracts;
using Microchat.Server.Events;
using Microchat.Server.Http;
using Microchat.Storage;

namespace Microchat.Server.Domain;

/// <summary>
/// "Is typing" notices: never stored, never replayed, only for the chat's other participants'
/// open streams (on every host, through the store's feed), at most one per caller and chat every
/// <see cref="Interval"/>; more are accepted and dropped.
/// </summary>
internal sealed class TypingService(
    ChatAccess access,
    IMemberStore members,
    EntityPresenter presenter,
    IEventFeed feed,
    TimeProvider time)
{
    /// <summary>The shortest time between two notices of one caller in one chat.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    private readonly Dictionary<(long Caller, string Chat), long> _last = new();

    public async ValueTask NotifyAsync(Caller caller, string chat, CancellationToken ct)
    {
        var view = await access.ViewAsync(caller, chat, ct);
        ChatAccess.Require(view, p => p.Send, "send messages");
        if (!Admit(caller.Id, view.Key.Value)) return;

        var sender = await presenter.SummariesAsync([caller.Id], ct);
        if (view.Key.IsDialog)
        {
            var other = view.Key.Participants.FirstOrDefault(p => p != caller.Id);
            // Typing into one's own saved messages tells nobody.
            if (other == 0) return;
            Publish([other], new TypingEventData(sender[caller.Id], sender[caller.Id]));
            return;
        }

        var conferenceId = view.Key.ConferenceId!.Value;
        var recipients = (await members.ListMemberIdsAsync(conferenceId, ct)).Where(id => id != caller.Id).ToList();
        var conference = await presenter.SummaryAsync(view.Target, ct);
        Publish(recipients, new TypingEventData(conference, sender[caller.Id]));
    }

    private void Publish(IReadOnlyList<long> recipients, TypingEventData data)
    {
        if (recipients.Count == 0) return;
        var e = OutgoingEvent.Create(EventNames.Typing, data, recipients);
        feed.PublishEphemeral(new EventRecord { Name = e.Name, Data = e.Data, Recipients = e.Recipients.ToList(), CreatedAt = time.GetUtcNow() });
    }

    // One notice per caller and chat per interval; the table forgets entries older than that as it goes.
    private bool Admit(long caller, string chat)
    {
        var now = time.GetTimestamp();
        var key = (caller, chat);
        lock (_last)
        {
            if (_last.TryGetValue(key, out var last) && time.GetElapsedTime(last, now) < Interval) return false;
            _last[key] = now;
            if (_last.Count > 10_000)
                foreach (var stale in _last.Where(p => time.GetElapsedTime(p.Value, now) >= Interval).Select(p => p.Key).ToList())
                    _last.Remove(stale, out _);
        }
        return true;
    }
}
