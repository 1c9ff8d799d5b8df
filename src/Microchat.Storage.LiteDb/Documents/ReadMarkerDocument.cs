namespace Microchat.Storage.LiteDb.Documents;

/// <summary>How far one reader has read one chat, keyed "reader|chat".</summary>
internal sealed class ReadMarkerDocument
{
    public string Id { get; set; } = "";
    public long ReaderId { get; set; }
    public string Chat { get; set; } = "";
    public long MessageId { get; set; }

    public static string KeyOf(long readerId, ChatKey chat) => $"{readerId}|{chat.Value}";
}
