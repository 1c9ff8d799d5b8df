using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Microchat.Contracts;

/// <summary>The JSON settings of the wire, shared by the server and the client.</summary>
public static class MicrochatJson
{
    /// <summary>
    /// Source-generated metadata for every wire contract. A field without a value is omitted,
    /// whatever the host's own JSON options say, so REST answers and event data agree.
    /// </summary>
    public static IJsonTypeInfoResolver TypeInfoResolver { get; } = MicrochatJsonContext.Default.WithAddedModifier(OmitNulls);

    /// <summary>Options that read and write every wire contract.</summary>
    public static JsonSerializerOptions Options => MicrochatJsonContext.Default.Options;

    // The context's WhenWritingNull applies only to its own options; a host inserting this
    // resolver into its options (Web defaults: write nulls) would pad every answer with nulls.
    private static void OmitNulls(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        foreach (var property in type.Properties)
        {
            if (property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null) continue;
            property.ShouldSerialize ??= static (_, value) => value is not null;
        }
    }
}
