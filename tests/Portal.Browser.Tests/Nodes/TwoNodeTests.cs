using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Browser.Tests.Support;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Tests.Common;

namespace Portal.Browser.Tests.Nodes;

/// <summary>
/// Two portal processes on loopback over one PostgreSQL database and one Redis (output cache and
/// session copies), each running a Hangfire server: a sign-in and a form work across them, a
/// sign-out on one ends the session on the other, a change on one evicts the other's cached pages, and a recurring job runs once per schedule between them, not once per
/// node. Takes two to three minutes, because the shortest schedule is a minute.
/// </summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private readonly string _database = $"portal_nodes_{Guid.NewGuid():N}";

    private string ConnectionString => new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdminConnectionString) { Database = _database }.ToString();

    public async Task InitializeAsync()
    {
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", admin);
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    // Each node gets a home of its own, as separate machines would: keys kept in a folder under
    // HOME (the framework's default) would then differ, so only keys in the database are shared.
    private Dictionary<string, string> Node(bool migrate) => new()
    {
        ["HOME"] = Directory.CreateTempSubdirectory("portal-node-home-").FullName,
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__Portal"] = ConnectionString,
        ["Database__MigrateOnStartup"] = migrate ? "true" : "false",
        ["Jobs__QueuePollInterval"] = "00:00:01",
        ["OutputCache__Redis"] = TestEnvironment.Redis,
        ["Sessions__Redis"] = TestEnvironment.Redis,
    };

    private async Task<long> ScalarAsync(string sql, DateTime? from = null, DateTime? until = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (from is not null)
            command.Parameters.AddWithValue("from", from.Value);
        if (until is not null)
            command.Parameters.AddWithValue("until", until.Value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The sign-in form (and its antiforgery token) comes from node A and is posted to node B; the
    /// sign-in cookie node B sets is then used on node A. Both only work when the nodes share keys.
    /// </summary>
    private async Task SignInOnOneNodeUseTheOtherAsync(Uri nodeA, Uri nodeB)
    {
        var email = $"nodes.{Guid.NewGuid():N}@example.com";
        await CreateUserAsync(email);
        // One cookie jar for both: cookies belong to the host, 127.0.0.1, whatever the port.
        using var handler = new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        var token = Token(await http.GetStringAsync(new Uri(nodeA, "/Identity/Account/Login")));
        var signIn = await http.PostAsync(new Uri(nodeB, "/Identity/Account/Login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = AccountSteps.Password,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        var record = await http.GetAsync(new Uri(nodeA, "/learn/record"));
        Assert.Equal(System.Net.HttpStatusCode.OK, record.StatusCode);
        var recordPage = await record.Content.ReadAsStringAsync();
        Assert.Contains("Sign out", recordPage, StringComparison.Ordinal);

        // Both nodes now hold the session in the shared Redis copy. Signing out on node B must end
        // it on node A at once, for a copy of the cookie kept from before.
        using var copyHandler = new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false };
        copyHandler.CookieContainer.Add(handler.CookieContainer.GetAllCookies());
        using var copy = new HttpClient(copyHandler);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await copy.GetAsync(new Uri(nodeA, "/learn/record"))).StatusCode);
        var signOut = await http.PostAsync(new Uri(nodeB, "/Identity/Account/Logout"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(recordPage),
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await copy.GetAsync(new Uri(nodeA, "/learn/record"))).StatusCode);
    }

    /// <summary>
    /// A signed-out visitor reads an open vacancy on node B (B caches the page, for a minute), its
    /// recruiter closes it on node A, and node B stops showing it at once: A's eviction reached the
    /// cache B reads. With a cache in each node's memory, B would go on showing it.
    /// </summary>
    private async Task AChangeOnOneNodeEvictsTheOthersCachedPageAsync(Uri nodeA, Uri nodeB)
    {
        var email = $"recruiter.{Guid.NewGuid():N}@example.com";
        var vacancy = await CreateRecruiterWithVacancyAsync(email);
        using var visitor = new HttpClient();
        var job = new Uri(nodeB, $"/jobs/{vacancy}");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await visitor.GetAsync(job)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await visitor.GetAsync(job)).StatusCode);

        using var handler = new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false };
        using var recruiter = new HttpClient(handler);
        var form = await recruiter.GetStringAsync(new Uri(nodeA, "/Identity/Account/Login"));
        var signIn = await recruiter.PostAsync(new Uri(nodeA, "/Identity/Account/Login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(form),
            ["Input.Email"] = email,
            ["Input.Password"] = AccountSteps.Password,
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        // Recruiters sign in with a second step.
        var secondStep = new Uri(nodeA, signIn.Headers.Location!.OriginalString);
        var codeForm = await recruiter.GetStringAsync(secondStep);
        var signedIn = await recruiter.PostAsync(secondStep, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(codeForm),
            ["Input.TwoFactorCode"] = Portal.Tests.Common.Totp.Code(ServerAccounts.AuthenticatorKey, DateTimeOffset.UtcNow),
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        var page = await recruiter.GetStringAsync(new Uri(nodeA, $"/recruit/vacancies/{vacancy}"));
        var close = await recruiter.PostAsync(new Uri(nodeA, $"/recruit/vacancies/{vacancy}?handler=Close"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token(page),
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, close.StatusCode);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await visitor.GetAsync(job)).StatusCode);
    }

    private static string Token(string page)
    {
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        return System.Net.WebUtility.HtmlDecode(token);
    }

    /// <returns>The id of an open vacancy the new recruiter's organisation has published.</returns>
    private async Task<Guid> CreateRecruiterWithVacancyAsync(string email)
    {
        var userId = await CreateUserAsync(email, "Node Recruiter", PortalRoles.Recruiter);
        await using var provider = IdentityServices();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = DateTime.UtcNow;
        var organisation = Portal.Domain.Organisations.Organisation.Create("Two Node Care", Portal.Domain.Organisations.OrganisationType.CareProvider, null, "LS6 2AB", now);
        db.Add(organisation);
        db.Add(Portal.Domain.Organisations.Membership.Start(organisation.Id, userId, Portal.Domain.Organisations.MembershipRole.Recruiter, now));
        var vacancy = Portal.Domain.Talent.Vacancy.Draft(organisation.Id, new Portal.Domain.Talent.VacancyDetails
        {
            CareerRole = "care-worker",
            Title = "Home care worker, Headingley",
            DescriptionMarkdown = "Visit people in their own homes.",
            Location = new Portal.Domain.Talent.VacancyLocation("LS6 2AB", "LS6", 53.82, -1.58),
            HourlyPay = 13.50m,
            HoursPerWeek = 30,
            Days = Portal.Domain.Talent.WorkDays.Weekdays,
            Shifts = Portal.Domain.Talent.ShiftTimes.Early,
            PayBasis = Portal.Domain.Talent.PayBasis.WholeShift,
            GuaranteedHours = true,
            PaidTravelTime = true,
            PaidTraining = true,
            DrivingLicenceRequired = false,
            ClosingDate = DateOnly.FromDateTime(now).AddDays(30),
        }, now);
        vacancy.Publish(now, new Portal.Infrastructure.Talent.TalentOptions().LegalMinimumWage());
        db.Add(vacancy);
        await db.SaveChangesAsync();
        return vacancy.Id;
    }

    private ServiceProvider IdentityServices() =>
        ServerAccounts.IdentityServices(services => services.AddDbContext<PortalDbContext, PostgresPortalDbContext>(o => o.UseNpgsql(ConnectionString)));

    /// <returns>The new, confirmed account's id.</returns>
    private async Task<string> CreateUserAsync(string email, string name = "Node Tester", string? role = null)
    {
        await using var provider = IdentityServices();
        await using var scope = provider.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedUtc = DateTime.UtcNow };
        var created = await users.CreateAsync(user, AccountSteps.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (role is not null)
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (role == PortalRoles.Recruiter)
            await ServerAccounts.SetUpAuthenticatorAsync(users, user);
        return user.Id;
    }

    [Fact]
    public async Task TwoNodesShareSignInsCachedPagesAndOneRecurringSchedule()
    {
        // The first node creates the schema; the second joins it.
        var nodeA = new PortalServer(Node(migrate: true));
        var nodeB = new PortalServer(Node(migrate: false));
        await nodeA.InitializeAsync();
        try
        {
            await nodeB.InitializeAsync();
            try
            {
                Assert.Equal(2, await ScalarAsync("select count(*) from hangfire.server"));
                await SignInOnOneNodeUseTheOtherAsync(nodeA.BaseUrl, nodeB.BaseUrl);
                await AChangeOnOneNodeEvictsTheOthersCachedPageAsync(nodeA.BaseUrl, nodeB.BaseUrl);
                Assert.True(await ScalarAsync("select count(*) from \"DataProtectionKeys\"") >= 1);

                // Watch two whole minutes: the outbox delivery job is scheduled every minute, and
                // Hangfire's scheduler creates each run within a few seconds of the minute.
                var now = DateTime.UtcNow;
                var first = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc).AddMinutes(1);
                var until = first.AddMinutes(1).AddSeconds(50);
                await Task.Delay(until - DateTime.UtcNow + TimeSpan.FromSeconds(1));

                var runs = await ScalarAsync(
                    "select count(*) from hangfire.job j join hangfire.jobparameter p on p.jobid = j.id " +
                    "where p.name = 'RecurringJobId' and p.value like '%outbox-delivery%' and j.createdat >= @from and j.createdat < @until",
                    first, until);
                Assert.True(runs == 2, $"{runs} scheduled runs of outbox-delivery in the two minutes from {first:HH:mm}; expected 2.\nNode A:\n{nodeA.Log}\nNode B:\n{nodeB.Log}");
                Assert.Equal(2, await ScalarAsync("select count(*) from hangfire.server"));
            }
            finally
            {
                await nodeB.DisposeAsync();
            }
        }
        finally
        {
            await nodeA.DisposeAsync();
        }
    }
}
