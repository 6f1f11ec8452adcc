using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Jobs;
using Portal.Infrastructure.Organisations;
using Portal.Infrastructure.Pathways;
using Portal.Infrastructure.Programmes;
using Portal.Infrastructure.Talent;
using Portal.Infrastructure.Training;

namespace Portal.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>
    /// Database, mail, jobs and content. Throws <see cref="PortalConfigurationException"/> with one
    /// readable line when a setting is wrong, so start-up fails before anything listens.
    /// </summary>
    public static IServiceCollection AddPortalInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);

        services.AddSingleton(TimeProvider.System);

        var database = DatabaseSettings.Read(configuration, environment.ContentRootPath);
        services.AddSingleton(database);
        AddDatabase(services, database);

        services.AddOptions<MailOptions>().Bind(configuration.GetSection("Mail")).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Outbox>();
        services.AddSingleton<MailTemplates>();
        services.AddScoped<MailAdminService>();
        if (configuration.GetSection("Mail").Get<MailOptions>()?.UsesSmtp == true)
            services.AddSingleton<IMailGateway, SmtpMailGateway>();
        else
            services.AddSingleton<IMailGateway, PickupDirectoryMailGateway>();

        var jobs = configuration.GetSection("Jobs").Get<JobsOptions>() ?? new JobsOptions();
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection("Jobs")).ValidateDataAnnotations().ValidateOnStart();
        AddJobs(services, database, jobs);

        services.AddPortalContent(configuration);
        services.AddScoped<TrainingService>();
        Training.Offline.OfflineServiceCollectionExtensions.AddOfflineLearning(services, configuration);
        Passport.PassportServiceCollectionExtensions.AddPortalPassport(services, configuration);
        services.AddScoped<PlanService>();
        services.AddSingleton(PostcodeDistricts.Shipped());
        services.AddOptions<TalentOptions>().Bind(configuration.GetSection(TalentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<TalentOptions>, TalentOptionsValidator>();
        services.AddSingleton(provider => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<TalentOptions>>().Value.LegalMinimumWage());
        services.AddOptions<OrganisationLimits>().Bind(configuration.GetSection(OrganisationLimits.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<OrganisationService>();
        services.AddScoped<OrganisationRequestService>();
        services.AddScoped<VacancyService>();
        services.AddScoped<JobSearch>();
        services.AddSingleton<JobIndex>();
        services.AddScoped<ApplicationService>();
        services.AddScoped<Navigation.CaseReader>();
        services.AddScoped<Navigation.CaseloadService>();
        services.AddScoped<Navigation.HelpService>();
        services.AddScoped<Navigation.HelpInvitationService>();
        services.AddScoped<ProfileService>();
        services.AddScoped<InvitationService>();
        services.AddScoped<Accounts.AccountAdminService>();
        services.AddScoped<Accounts.SessionService>();
        services.AddScoped<Insight.InsightRollupJob>();
        services.AddScoped<Insight.InsightService>();
        services.AddSingleton<Insight.InsightFiguresCache>();
        services.AddScoped<Insight.PipelineRollup>();
        services.AddScoped<Insight.PipelineService>();
        services.AddScoped<Insight.ReflectingService>();
        services.AddScoped<Insight.RetentionRollup>();
        services.AddScoped<Insight.RetentionService>();
        services.AddScoped<Insight.TrainingInDateService>();
        services.AddOptions<Accounts.SessionLifetimeOptions>().Bind(configuration.GetSection("Sessions")).ValidateDataAnnotations().ValidateOnStart();
        if (configuration["Sessions:Redis"] is { Length: > 0 })
            services.AddSingleton<Accounts.ISessionCache, Accounts.RedisSessionCache>();
        else if (database.Provider == DatabaseProvider.Sqlite)
            services.AddSingleton<Accounts.ISessionCache, Accounts.InProcessSessionCache>();   // one process serves SQLite
        else
            services.AddSingleton<Accounts.ISessionCache, Accounts.NoSessionCache>();
        services.AddOptions<Accounts.RetentionOptions>().Bind(configuration.GetSection(Accounts.RetentionOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Accounts.Erasure>();
        services.AddScoped<Accounts.PersonalData>();
        services.AddScoped<Audit.AuditLog>();
        // The web host says who is signed in; jobs and commands act for nobody.
        services.TryAddScoped<Audit.IAuditActor, Audit.NoAuditActor>();
        services.AddScoped<AlertService>();
        services.AddScoped<MatchRunner>();
        services.AddScoped<ShardedMatchRun>();
        services.AddOptions<MatchingOptions>().Bind(configuration.GetSection(MatchingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MatchCache>();
        services.AddScoped<MatchService>();
        services.AddSingleton<Compliance.StaffCompletionsCache>();
        services.AddScoped<Compliance.ComplianceService>();
        services.AddScoped<Compliance.CompetencyService>();
        services.AddScoped<Rematch>();
        services.AddProgrammes(configuration);

        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database")
            .AddCheck<HangfireHealthCheck>("jobs")
            .AddCheck<OutboxHealthCheck>("mail");
        return services;
    }

    /// <remarks>
    /// Pooled: a request borrows a context that is already built instead of building one and its
    /// options afresh. Before pooling that build was about a quarter of the CPU of a cached public
    /// page (the authorization step builds an Identity user manager, and with it a context, for every
    /// page) and about a tenth of a signed-in one. <see cref="PortalDbContext"/> keeps no state of its
    /// own across a lease.
    /// </remarks>
    private static void AddDatabase(IServiceCollection services, DatabaseSettings database)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextPool<PortalDbContext, SqlitePortalDbContext>(o => o.UseSqlite(database.ConnectionString).AddInterceptors(TransactionEndInterceptor.Instance));
                break;
            case DatabaseProvider.Postgres:
                services.AddDbContextPool<PortalDbContext, PostgresPortalDbContext>(o => o.UseNpgsql(database.ContextConnectionString).AddInterceptors(TransactionEndInterceptor.Instance));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<PortalDbContext, SqlServerPortalDbContext>(o => o.UseSqlServer(database.ConnectionString).AddInterceptors(TransactionEndInterceptor.Instance));
                break;
            default:
                throw new PortalConfigurationException($"Database provider {database.Provider} is not supported.");
        }
    }

    private static void AddJobs(IServiceCollection services, DatabaseSettings database, JobsOptions jobs)
    {
        services.AddScoped<OutboxDeliveryJob>();
        services.AddScoped<JobAlertJob>();
        services.AddScoped<ReminderJob>();
        services.AddScoped<ReminderSettings>();
        services.AddScoped<MatchJob>();
        services.AddScoped<MatchShardJob>();
        services.AddScoped<PersonMatchJob>();
        services.AddScoped<VacancyMatchJob>();
        services.AddScoped<MatchEmailJob>();
        services.AddScoped<RetentionJob>();
        // One storage per host, owned by DI. Hangfire's Use*Storage helpers set a process-wide static
        // instead, which two hosts in one process (tests, a worker beside a web host) would fight over.
        services.AddSingleton<JobStorage>(_ => database.Provider switch
        {
            // No maintained SQLite storage exists; durable intent lives in our own tables, so losing
            // Hangfire's in-memory queue on restart loses nothing (the recurring runs pick work up again).
            DatabaseProvider.Sqlite => new InMemoryStorage(),
            DatabaseProvider.Postgres => PostgresStorage(database.ConnectionString, jobs),
            DatabaseProvider.SqlServer => new SqlServerStorage(
                database.ConnectionString,
                new SqlServerStorageOptions { QueuePollInterval = jobs.QueuePollInterval, PrepareSchemaIfNecessary = true }),
            _ => throw new PortalConfigurationException($"No Hangfire storage for {database.Provider}."),
        });
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HostLogProvider(provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .UseStorage(provider.GetRequiredService<JobStorage>()));

        if (jobs.ServerEnabled)
            services.AddHangfireServer(o => o.WorkerCount = jobs.WorkerCount);
    }

    private static PostgreSqlStorage PostgresStorage(string connectionString, JobsOptions jobs)
    {
        var options = new PostgreSqlStorageOptions { QueuePollInterval = jobs.QueuePollInterval, PrepareSchemaIfNecessary = true };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }
}
