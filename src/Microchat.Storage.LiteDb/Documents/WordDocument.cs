namespace Microchat.Storage.LiteDb.Documents;

/// <summary>One word of one message's text, keyed by <see cref="BinaryKeys.Word"/>; its send time orders hits across chats.</summary>
internal sealed class WordDocument
{
    public byte[] Id { get; set; } = [];
    public DateTimeOffset SentAt { get; set; }
}

/// <summary>One word of an entity's alias or title, keyed by <see cref="BinaryKeys.EntityWord"/>.</summary>
internal sealed class EntityWordDocument
{
    public byte[] Id { get; set; } = [];
}
