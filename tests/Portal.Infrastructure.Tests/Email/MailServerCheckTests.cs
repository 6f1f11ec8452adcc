using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Email;

/// <summary>The admin page's question "does the mail server answer?", asked of real servers through the gateway a delivery run uses.</summary>
public sealed class MailServerCheckTests
{
    [Fact]
    public async Task AServerThatTakesASessionAnswers()
    {
        await using var sink = await SmtpSink.StartAsync();

        var check = await CheckAsync(Smtp(sink.Port));

        Assert.Equal(MailServerState.Answers, check.State);
        Assert.Equal($"The mail server 127.0.0.1:{sink.Port} answers.", check.Description);
        // A check sends nothing.
        Assert.Empty(sink.Messages());
    }

    [Fact]
    public async Task AServerThatIsDownDoesNotAnswerAndSaysWhy()
    {
        await using var sink = await SmtpSink.StartAsync();
        await sink.StopAsync();

        var check = await CheckAsync(Smtp(sink.Port));

        Assert.Equal(MailServerState.DoesNotAnswer, check.State);
        Assert.StartsWith($"SMTP server 127.0.0.1:{sink.Port} unavailable:", check.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerThatTakesTheConnectionButNeverGreetsIsGivenUpOnAfterTheTimeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var accepted = silent.AcceptTcpClientAsync();

        var check = await CheckAsync(Smtp(port));

        Assert.Equal(MailServerState.DoesNotAnswer, check.State);
        Assert.Equal($"The mail server 127.0.0.1:{port} did not answer within 1 second.", check.Description);
        (await accepted).Dispose();
    }

    [Fact]
    public async Task ThePickupFolderIsNoServerAndSaysSo()
    {
        var options = new MailOptions { PickupDirectory = "App_Data/mail" };

        var check = await CheckAsync(options, new PickupDirectoryMailGateway(Options.Create(options), new Environment(Path.GetTempPath())));

        Assert.Equal(MailServerState.WritesToFolder, check.State);
        Assert.Equal("Mail is written to a folder (App_Data/mail), not sent: no mail server is set.", check.Description);
    }

    private static MailOptions Smtp(int port) => new()
    {
        SmtpHost = "127.0.0.1",
        SmtpPort = port,
        SmtpSecurity = SmtpSecurity.None,
        ServerCheckTimeout = TimeSpan.FromSeconds(1),
    };

    private static async Task<MailServerCheck> CheckAsync(MailOptions settings, Domain.Notifications.IMailGateway? gateway = null)
    {
        var options = Options.Create(settings);
        // The check never touches the database; the service needs a context all the same.
        await using var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var storage = new Hangfire.InMemory.InMemoryStorage();
        var service = new MailAdminService(db, new Outbox(db, TimeProvider.System, new Hangfire.BackgroundJobClient(storage), NullLogger<Outbox>.Instance),
            gateway ?? new SmtpMailGateway(options), options, TimeProvider.System);
        return await service.CheckServerAsync();
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "Portal";

        public string ContentRootPath { get; set; } = root;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
