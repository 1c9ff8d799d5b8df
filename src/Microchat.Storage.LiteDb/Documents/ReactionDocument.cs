namespace Microchat.Storage.LiteDb.Documents;

/// <summary>One reactor's reaction with one emoji, keyed by <see cref="BinaryKeys.Reaction"/>.</summary>
internal sealed class ReactionDocument
{
    public byte[] Id { get; set; } = [];
    /// <summary><see cref="BinaryKeys.Mine"/>: unique, so a reactor holds each emoji on a message once.</summary>
    public byte[] Mine { get; set; } = [];
    public long MessageKey { get; set; }
    public long ReactorId { get; set; }
    public string Emoji { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
