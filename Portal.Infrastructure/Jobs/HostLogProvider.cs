using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using MicrosoftLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Portal.Infrastructure.Jobs;

/// <summary>
/// Hangfire's log provider is one static for the whole process, set by whichever host configured
/// Hangfire last. With two hosts in a process (tests; a worker beside a web host), the one that stops
/// first disposes its logger factory and the other's job clients then fail to start. This provider
/// logs through the host's factory while it lives and quietly drops messages once it has gone.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    public ILog GetLogger(string name) => new HostLog(factory, name);

    private sealed class HostLog(ILoggerFactory factory, string name) : ILog
    {
        private ILogger? _logger;

        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            ILogger target;
            try
            {
                target = _logger ??= factory.CreateLogger(name);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
            var level = logLevel switch
            {
                HangfireLogLevel.Trace => MicrosoftLogLevel.Trace,
                HangfireLogLevel.Debug => MicrosoftLogLevel.Debug,
                HangfireLogLevel.Info => MicrosoftLogLevel.Information,
                HangfireLogLevel.Warn => MicrosoftLogLevel.Warning,
                HangfireLogLevel.Error => MicrosoftLogLevel.Error,
                _ => MicrosoftLogLevel.Critical,
            };
            // Hangfire asks "is this level on?" by passing no message.
            if (messageFunc is null)
                return target.IsEnabled(level);
            if (target.IsEnabled(level))
                target.Log(level, 0, messageFunc(), exception, static (message, _) => message);
            return true;
        }
    }
}
