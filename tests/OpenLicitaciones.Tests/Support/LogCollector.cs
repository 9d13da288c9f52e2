using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OpenLicitaciones.Tests.Support;

/// <summary>A logger provider that keeps every line, so a test can assert what the app logged and how often.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogLine> _lines = new();

    public IReadOnlyList<LogLine> Lines => _lines.ToList();

    public IReadOnlyList<LogLine> Of(Type category) => Lines.Where(l => l.Category == category.FullName).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    public sealed record LogLine(string Category, LogLevel Level, string Message);

    private sealed class Logger(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue(new LogLine(category, logLevel, formatter(state, exception)));
    }
}
