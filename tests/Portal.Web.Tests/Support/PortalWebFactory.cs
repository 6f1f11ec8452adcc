using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using Portal.Domain.Training;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Jobs;
using Portal.Tests.Common;

namespace Portal.Web.Tests.Support;

/// <summary>
/// The real app over its own SQLite file, with mail written to its own pickup folder. Background
/// jobs are run by the test (<see cref="DeliverMailAsync"/>) so each test decides when mail goes.
/// </summary>
public class PortalWebFactory : WebApplicationFactory<Program>
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"portal-web-{Guid.NewGuid():N}");

    public string MailDirectory => Path.Combine(_root, "mail");

    /// <summary>The folder holding this app's database, which its connection string names.</summary>
    public string DataRoot => _root;

    public ErrorLog Errors { get; } = new();

    protected virtual string EnvironmentName => "Testing";

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_root);
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureLogging(logging => logging.AddProvider(Errors));
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Portal"] = $"Data Source={Path.Combine(_root, "portal.db")}",
            ["Mail:PickupDirectory"] = MailDirectory,
            ["Jobs:ServerEnabled"] = "false",
            ["RateLimiting:AccountPostsPerMinute"] = "1000",
            ["Content:Path"] = Path.Combine(TestEnvironment.RepositoryRoot(), "content"),
        };
        foreach (var (key, value) in Settings)
            settings[key] = value;
        // UseSetting, not ConfigureAppConfiguration: the app reads some settings while registering
        // services, before configuration callbacks added here would run.
        foreach (var (key, value) in settings)
            builder.UseSetting(key, value);
    }

    public HttpClient CreateBrowser(bool followRedirects = false) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    public async Task<int> DeliverMailAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDeliveryJob>().RunAsync(CancellationToken.None);
    }

    public IReadOnlyList<MimeMessage> MailTo(string address) =>
        !Directory.Exists(MailDirectory)
            ? []
            : Directory.EnumerateFiles(MailDirectory, "*.eml").Select(f => MimeMessage.Load(f))
                .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
                .ToList();

    public async Task<PortalUser> CreateUserAsync(string email, string password, bool confirmed = true, bool twoFactor = false, params string[] roles)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = confirmed, TwoFactorEnabled = twoFactor, DisplayName = "Sam Taylor" };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        foreach (var role in roles)
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user;
    }

    /// <summary>A pass of the module at <paramref name="at"/>, recorded as the quiz records one, with a code its check link accepts.</summary>
    public async Task<Completion> CompletedAsync(string userId, string module, DateTime at)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var progress = ModuleProgress.Start(userId, module, "v1", at.AddMinutes(-10));
        progress.MarkPassed(at);
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var code = new string([.. Enumerable.Range(0, 24).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)])]);
        var completion = Completion.Record(progress, new QuizOutcome.Scored(5, 5, 4, true, []), code, at);
        db.AddRange(progress, completion);
        await db.SaveChangesAsync();
        return completion;
    }

    public async Task<T> WithUsersAsync<T>(Func<UserManager<PortalUser>, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_root))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_root, recursive: true);
        }
    }
}
