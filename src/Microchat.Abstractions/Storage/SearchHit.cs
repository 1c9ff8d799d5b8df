namespace Microchat.Storage;

/// <summary>A message whose words match a search, with its send time to order hits across chats.</summary>
public sealed record SearchHit(ChatKey Chat, long MessageId, DateTimeOffset SentAt);
