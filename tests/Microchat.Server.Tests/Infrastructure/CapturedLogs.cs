using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Microchat.Server.Tests.Infrastructure;

/// <summary>A logger provider that keeps every entry it is given (after the host's level filters), scopes included.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable BeginScope<TState>(TState state) where TState : notnull
        {
            entries.Enqueue(new LogEntry(category, LogLevel.None, 0, "scope: " + Describe(state)));
            return NoScope.Instance;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, $"{formatter(state, exception)} | {Describe(state)} | {exception}"));

        // The message and every structured value, as a sink writing either would see them.
        private static string Describe<TState>(TState state) => state is IEnumerable<KeyValuePair<string, object?>> values
            ? string.Join("; ", values.Select(v => $"{v.Key}={v.Value}"))
            : state?.ToString() ?? "";
    }

    private sealed class NoScope : IDisposable
    {
        public static readonly NoScope Instance = new();

        public void Dispose()
        {
        }
    }
}

/// <summary>One captured log entry, its message and structured values flattened into <see cref="Text"/>.</summary>
public sealed record LogEntry(string Category, LogLevel Level, int EventId, string Text);
