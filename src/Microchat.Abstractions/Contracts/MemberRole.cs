using System.Text.Json.Serialization;

namespace Microchat.Contracts;

/// <summary>A conference member's standing.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MemberRole>))]
public enum MemberRole
{
    /// <summary>The creator: holds every flag and cannot be removed.</summary>
    [JsonStringEnumMemberName("owner")] Owner,
    /// <summary>A member holding the <c>admin</c> flag.</summary>
    [JsonStringEnumMemberName("admin")] Admin,
    /// <summary>Any other member.</summary>
    [JsonStringEnumMemberName("member")] Member,
}
