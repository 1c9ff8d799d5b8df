using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>What kind of entity an id or alias names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EntityType>))]
public enum EntityType
{
    /// <summary>A person with an account.</summary>
    [JsonStringEnumMemberName("user")] User,
    /// <summary>A program that authenticates with a bot token.</summary>
    [JsonStringEnumMemberName("bot")] Bot,
    /// <summary>A group chat.</summary>
    [JsonStringEnumMemberName("conference")] Conference,
}
