using Microchat.Server;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Microchat.Storage.Testing;

/// <summary>
/// The base of every conformance class: a fresh, empty set of stores per test, made by the
/// provider under test through its own registration (e.g. <c>UseLiteDbInMemory()</c>).
/// A provider subclasses each conformance class once and overrides <see cref="UseStore"/>.
/// </summary>
public abstract partial class StoreConformance : IAsyncLifetime
{
    private ServiceProvider? _services;

    /// <summary>Registers the store provider under test.</summary>
    protected abstract void UseStore(MicrochatBuilder builder);

    /// <summary>The provider's services for this test.</summary>
    protected IServiceProvider Services => _services ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>A store of this test's provider.</summary>
    protected T Store<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A cancellation token for store calls.</summary>
    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>A fixed instant, whole milliseconds, so round-trips compare exactly.</summary>
    protected static DateTimeOffset At(int second) => new(2026, 11, 25, 12, 0, second, TimeSpan.Zero);

    public Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        UseStore(services.AddMicrochat());
        _services = services.BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
    }
}
