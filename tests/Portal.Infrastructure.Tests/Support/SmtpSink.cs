using System.Diagnostics;
using MimeKit;
using Portal.Tests.Common;

namespace Portal.Infrastructure.Tests.Support;

/// <summary>
/// A real SMTP server (aiosmtpd, via tests/support/smtp_sink.py) owned by one test, so the test can
/// take it down and bring it back on the same port.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private Process? _process;

    private SmtpSink(int port, string directory)
    {
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public static async Task<SmtpSink> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"portal-smtp-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var sink = new SmtpSink(TestEnvironment.FreePort(), directory);
        await sink.StartAgainAsync();
        return sink;
    }

    public async Task StartAgainAsync()
    {
        if (_process is { HasExited: false })
            return;
        var start = new ProcessStartInfo(TestEnvironment.Python)
        {
            ArgumentList = { TestEnvironment.SmtpSinkScript, "--host", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", Directory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the SMTP sink.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var line = await _process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line?.Trim() != "ready")
            throw new InvalidOperationException($"SMTP sink did not start: {line} {await _process.StandardError.ReadToEndAsync(timeout.Token)}");
    }

    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public IReadOnlyList<MimeMessage> Messages() => ReadMessages(Directory);

    public static IReadOnlyList<MimeMessage> ReadMessages(string directory) =>
        System.IO.Directory.EnumerateFiles(directory, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
