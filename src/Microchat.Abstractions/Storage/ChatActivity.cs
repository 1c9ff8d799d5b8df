namespace Microchat.Storage;

/// <summary>Where a chat's history stands: its newest message and when it arrived.</summary>
public sealed record ChatActivity(ChatKey Chat, long LastMessageId, DateTimeOffset LastActivityAt);
