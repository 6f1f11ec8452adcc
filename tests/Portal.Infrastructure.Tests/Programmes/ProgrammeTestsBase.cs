using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Organisations;
using Portal.Domain.Programmes;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Organisations;
using Portal.Infrastructure.Programmes;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Programmes;

/// <summary>Services over the test database as a node builds them, and a navigator organisation with a programme.</summary>
public abstract class ProgrammeTestsBase<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    protected TDatabase Database => database;

    // Thursday 26 November 2026, 09:00.
    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    protected DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);

    protected sealed class Scope(ServiceProvider services, AsyncServiceScope scope) : IAsyncDisposable
    {
        public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

        public async ValueTask DisposeAsync()
        {
            await scope.DisposeAsync();
            await services.DisposeAsync();
        }
    }

    protected Scope Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddScoped<PortalDbContext>(_ => database.CreateContext());
        services.AddIdentityCore<PortalUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<PortalDbContext>();
        services.AddSingleton(PostcodeDistricts.Shipped());
        services.AddSingleton(Options.Create(new TalentOptions()));
        services.AddScoped<OrganisationService>();
        services.AddScoped<Portal.Infrastructure.Audit.AuditLog>();
        services.AddScoped<Portal.Infrastructure.Audit.IAuditActor, Portal.Infrastructure.Audit.NoAuditActor>();
        services.AddScoped<VacancyService>();
        services.AddSingleton<JobIndex>();
        services.AddSingleton<Hangfire.IBackgroundJobClient>(new Hangfire.BackgroundJobClient(new Hangfire.InMemory.InMemoryStorage()));
        services.AddScoped<Portal.Infrastructure.Email.Outbox>();
        services.AddSingleton<Portal.Infrastructure.Email.MailTemplates>();
        services.AddSingleton(Options.Create(new Portal.Infrastructure.Email.MailOptions { SiteUrl = "https://portal.example" }));
        services.AddScoped<Portal.Infrastructure.Jobs.Rematch>();
        services.AddScoped<ApplicationService>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PriorityNeighbourhoods:Sectors:0"] = "LS9 7",
            ["PriorityNeighbourhoods:Sectors:1"] = "LS14 1",
        }).Build();
        services.AddProgrammes(configuration);
        var provider = services.BuildServiceProvider();
        return new Scope(provider, provider.CreateAsyncScope());
    }

    protected async Task<string> NewUserAsync(string name = "Jade Walker")
    {
        await using var scope = Services();
        var email = $"{Guid.NewGuid():N}@example.com";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        Assert.True((await scope.Get<UserManager<PortalUser>>().CreateAsync(user)).Succeeded);
        return user.Id;
    }

    protected async Task<string> EmailOfAsync(string userId)
    {
        await using var db = Database.CreateContext();
        return (await db.Users.FindAsync(userId))!.Email!;
    }

    protected async Task<(Guid Organisation, string Member)> OrganisationWithAsync(string name, MembershipRole role, OrganisationType type = OrganisationType.Council)
    {
        var member = await NewUserAsync();
        await using var scope = Services();
        var organisations = scope.Get<OrganisationService>();
        var organisation = (await organisations.CreateAsync(name, type, null, "LS9 7TF")).Value!;
        Assert.True((await organisations.AddMemberAsync(organisation.Id, await EmailOfAsync(member), role)).IsDone);
        return (organisation.Id, member);
    }

    /// <summary>A hub with a navigator, a programme and a cohort starting in a week with so many places.</summary>
    protected async Task<(Guid Hub, string Navigator, Guid Cohort)> CohortAsync(int places = 12)
    {
        var (hub, navigator) = await OrganisationWithAsync($"Talent hub {Guid.NewGuid():N}"[..20], MembershipRole.Navigator);
        await using var scope = Services();
        var programmes = scope.Get<ProgrammeService>();
        var programme = (await programmes.CreateAsync(navigator, hub, "Care careers in six weeks", "Six weeks with St James's")).Value;
        var cohort = (await programmes.AddCohortAsync(navigator, programme, new CohortDetails(Today.AddDays(7), Today.AddDays(49), places, "Lincoln Green Community Centre", false, "Leeds Teaching Hospitals", "A guaranteed interview"))).Value;
        return (hub, navigator, cohort);
    }

    protected async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var db = Database.CreateContext();
        return await read(db);
    }

    protected Task<List<HubOutcome>> OutcomesOfAsync(string userId) => WithDbAsync(db => db.Set<HubOutcome>().AsNoTracking().Where(o => o.UserId == userId).ToListAsync());
}
