using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Organisations;
using Portal.Domain.Talent;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Organisations;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Talent;

/// <summary>What the talent tests share: services over the test database, people, organisations and vacancies.</summary>
public abstract class TalentTestsBase<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    protected TDatabase Database => database;

    protected static readonly PostcodeDistricts Postcodes = PostcodeDistricts.Shipped();
    protected static Portal.Infrastructure.Content.ContentStore Content => Portal.Tests.Common.ShippedContent.Store;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    /// <summary>How matching is shared out in this test's services.</summary>
    protected MatchingOptions Matching { get; } = new();

    // One per test, as a host has one: every scope of a test shares it, as requests on a node do.
    private readonly MatchCache _matchCache = new();
    private readonly Portal.Infrastructure.Compliance.StaffCompletionsCache _staffCompletions = new();

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
        var provider = TalentServices().BuildServiceProvider();
        return new Scope(provider, provider.CreateAsyncScope());
    }

    /// <summary>What <see cref="Services"/> builds from, for a test that builds a host of its own.</summary>
    protected ServiceCollection TalentServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddScoped<PortalDbContext>(_ => database.CreateContext());
        services.AddIdentityCore<PortalUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<PortalDbContext>();
        services.AddSingleton(Postcodes);
        services.AddSingleton(Options.Create(new TalentOptions()));
        services.AddScoped<OrganisationService>();
        services.AddScoped<Portal.Infrastructure.Audit.AuditLog>();
        services.AddScoped<Portal.Infrastructure.Audit.IAuditActor, Portal.Infrastructure.Audit.NoAuditActor>();
        services.AddScoped<VacancyService>();
        services.AddScoped<JobSearch>();
        services.AddSingleton<JobIndex>();
        services.AddSingleton<Hangfire.IBackgroundJobClient>(new Hangfire.BackgroundJobClient(new Hangfire.InMemory.InMemoryStorage()));
        services.AddScoped<Portal.Infrastructure.Email.Outbox>();
        services.AddSingleton<Portal.Infrastructure.Email.MailTemplates>();
        services.AddScoped<ApplicationService>();
        services.AddScoped<Portal.Infrastructure.Programmes.OutcomeRecorder>();
        services.AddScoped<OrganisationRequestService>();
        services.AddScoped<AlertService>();
        services.AddSingleton(Options.Create(new Portal.Infrastructure.Email.MailOptions { SiteUrl = "https://portal.example" }));
        services.AddScoped<Portal.Infrastructure.Jobs.JobAlertJob>();
        services.AddScoped<Portal.Infrastructure.Jobs.Rematch>();
        services.AddScoped<Portal.Infrastructure.Jobs.MatchEmailJob>();
        services.AddSingleton(Content);
        services.AddScoped<ProfileService>();
        services.AddScoped<MatchRunner>();
        services.AddScoped<ShardedMatchRun>();
        services.AddSingleton(Options.Create(Matching));
        services.AddSingleton(_matchCache);
        services.AddScoped<MatchService>();
        services.AddScoped<InvitationService>();
        services.AddSingleton(_staffCompletions);
        services.AddScoped<Portal.Infrastructure.Training.TrainingService>();
        services.AddScoped<Portal.Infrastructure.Compliance.ComplianceService>();
        services.AddScoped<Portal.Infrastructure.Compliance.CompetencyService>();
        return services;
    }

    protected async Task<string> NewUserAsync()
    {
        await using var scope = Services();
        var email = $"{Guid.NewGuid():N}@example.com";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Rita Recruiter" };
        Assert.True((await scope.Get<UserManager<PortalUser>>().CreateAsync(user)).Succeeded);
        return user.Id;
    }

    protected async Task<string> EmailOfAsync(string userId)
    {
        await using var db = Database.CreateContext();
        return (await db.Users.FindAsync(userId))!.Email!;
    }

    protected async Task<(Guid Organisation, string Recruiter)> NewOrganisationWithRecruiterAsync(string name)
    {
        var recruiter = await NewUserAsync();
        await using var scope = Services();
        var organisations = scope.Get<OrganisationService>();
        var created = await organisations.CreateAsync(name, OrganisationType.CareProvider, null, "LS6 1AA");
        Assert.Null(created.Problem);
        var organisation = created.Value!;
        var email = (await scope.Get<UserManager<PortalUser>>().FindByIdAsync(recruiter))!.Email!;
        Assert.True((await organisations.AddMemberAsync(organisation.Id, email, MembershipRole.Recruiter)).IsDone);
        return (organisation.Id, recruiter);
    }

    protected static VacancyDetails Details(string title, string district = "LS6", decimal pay = 13.50m, string role = "care-worker") => new()
    {
        CareerRole = role,
        Title = title,
        DescriptionMarkdown = "Visit people at home across the area.",
        Location = Postcodes.Locate(district).Location!,
        HourlyPay = pay,
        HoursPerWeek = 30,
        Days = WorkDays.Weekdays,
        Shifts = ShiftTimes.Early,
        PayBasis = PayBasis.WholeShift,
        GuaranteedHours = true,
        PaidTravelTime = false,
        PaidTraining = true,
        DrivingLicenceRequired = false,
        ClosingDate = new DateOnly(2026, 12, 31),
    };

    protected async Task<Guid> PublishedAsync(Guid organisation, string recruiter, VacancyDetails details)
    {
        await using var scope = Services();
        var vacancies = scope.Get<VacancyService>();
        var vacancy = (await vacancies.CreateAsync(recruiter, organisation, details)).Value!;
        Assert.True((await vacancies.ChangeAsync(recruiter, vacancy.Id, (v, now) => v.Publish(now, new TalentOptions().LegalMinimumWage()))).IsDone);
        return vacancy.Id;
    }
}
