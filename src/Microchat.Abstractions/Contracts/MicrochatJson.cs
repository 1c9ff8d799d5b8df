using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Microchat.Contracts;

/// <summary>The JSON settings of the wire, shared by the server and the client.</summary>
public static class MicrochatJson
{
    /// <summary>Source-generated metadata for every wire contract.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => MicrochatJsonContext.Default;

    /// <summary>Options that read and write every wire contract.</summary>
    public static JsonSerializerOptions Options => MicrochatJsonContext.Default.Options;
}
