using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microchat.Contracts;
using Microchat.Server.Tests.Events;
using Microchat.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Microchat.Server.Tests.Hosting;

/// <summary>
/// The "Microchat" meter as an OpenTelemetry exporter or dotnet-counters sees it: a send through the
/// typed client shows up in every instrument the send path touches, on this host's meter only.
/// </summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task ASentMessage_IsCounted_CommitTimed_AndDeliveredToAnOpenStream()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var measurements = new ConcurrentDictionary<string, double>();
        using var listener = Listen(host, measurements);
        await using var stream = await EventTestKit.OpenRawAsync(host.CreateHttpClient(), token: bob.Client.Token);
        await stream.NextAsync();
        Assert.Equal(1, measurements.GetValueOrDefault("microchat.streams.open"));

        await alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest("counted"));
        await stream.NextAsync();

        Assert.Equal(1, measurements.GetValueOrDefault("microchat.messages.sent"));
        Assert.True(measurements.GetValueOrDefault("microchat.events.published") >= 1, "no event counted as published");
        Assert.True(measurements.GetValueOrDefault("microchat.store.commit.duration#count") >= 1, "no commit timed");
        Assert.Equal(1, measurements.GetValueOrDefault("microchat.events.delivered"));
    }

    [Fact]
    public async Task TheLiteDbStore_CountsItsCommits_AndTheUnitsTheyCarried()
    {
        await using var host = new MicrochatHost();
        var alice = await host.SignUpAsync();
        var bob = await host.SignUpAsync();
        var measurements = new ConcurrentDictionary<string, double>();
        using var listener = Listen(host, measurements, "Microchat.Storage.LiteDb");

        listener.RecordObservableInstruments();
        var (commits, units) = (measurements["microchat.litedb.commits"], measurements["microchat.litedb.units"]);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => alice.Client.Messages.SendAsync(bob.Ref, new SendMessageRequest($"m{i}"))));
        measurements.Clear();
        listener.RecordObservableInstruments();

        var newUnits = measurements["microchat.litedb.units"] - units;
        var newCommits = measurements["microchat.litedb.commits"] - commits;
        Assert.True(newUnits >= 20, $"{newUnits} units counted for 20 sends");
        Assert.InRange(newCommits, 1, newUnits);
    }

    // Sums each instrument of this host's meter named <meter> (and counts histogram records as NAME#count).
    private static MeterListener Listen(MicrochatHost host, ConcurrentDictionary<string, double> sums, string meter = "Microchat")
    {
        var factory = host.Services.GetRequiredService<IMeterFactory>();
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == meter && instrument.Meter.Scope == factory) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
            sums.AddOrUpdate(instrument.Name + "#count", 1, (_, count) => count + 1);
        });
        listener.Start();
        return listener;
    }
}
