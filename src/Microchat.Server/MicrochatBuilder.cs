using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;

namespace Microchat.Server;

/// <summary>Returned by <c>AddMicrochat()</c>: storage providers extend it (<c>UseLiteDb()</c>).</summary>
public sealed class MicrochatBuilder
{
    internal MicrochatBuilder(IServiceCollection services) => Services = services;

    /// <summary>The host's services, for providers' extension methods.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IServiceCollection Services { get; }
}
