using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Portal.Infrastructure;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Data;
using Portal.Web.Accounts;
using Portal.Web.Security;

namespace Portal.Web;

public static class WebServiceCollectionExtensions
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        RequireExplicitHosts(configuration["AllowedHosts"], builder.Environment);
        // Says nothing an attacker can use to pick an exploit; a proxy in front may add its own.
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
        services.AddPortalInfrastructure(configuration, builder.Environment);
        services.AddOptions<AccountsOptions>().Bind(configuration.GetSection("Accounts")).ValidateOnStart();
        services.AddOptions<HealthOptions>().Bind(configuration.GetSection("Health"))
            .Validate(o => !o.Problems().Any(), "Health:InternalNetworks must list networks like 10.0.5.0/24").ValidateOnStart();
        services.AddOptions<RateLimitingOptions>().Bind(configuration.GetSection("RateLimiting")).ValidateDataAnnotations().ValidateOnStart();

        services.AddDefaultIdentity<PortalUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                // Length beats composition rules (NCSC and NIST guidance): 12 characters, any kind,
                // that are not common, guessable or the person's own name (GuessablePasswordValidator).
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                // Version 3 adds passkeys (mapped for every context in IdentityPasskeyConfiguration).
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager<PortalSignInManager>()
            .AddUserManager<PortalUserManager>()
            .AddPasswordValidator<GuessablePasswordValidator>();
        AddSessions(services, configuration);
        services.Configure<IdentityPasskeyOptions>(options =>
        {
            // Discoverable passkeys: a phone signs in with no email address typed, and the sign-in
            // page never has to name an account (which would tell a stranger it exists).
            options.ResidentKeyRequirement = "required";
            // The screen lock must be used: that is what makes a passkey two factors.
            options.UserVerificationRequirement = "required";
            // Empty: the request's host, which AllowedHosts already limits to this site's names.
            options.ServerDomain = configuration["Accounts:PasskeyServerDomain"] is { Length: > 0 } domain ? domain : null;
        });
        services.AddHttpContextAccessor();
        services.AddScoped<Portal.Infrastructure.Audit.IAuditActor, HttpAuditActor>();
        services.AddScoped<IdentityEmailSender>();
        services.AddScoped<IEmailSender<PortalUser>>(sp => sp.GetRequiredService<IdentityEmailSender>());
        services.AddScoped<IEmailSender>(sp => sp.GetRequiredService<IdentityEmailSender>());
        services.AddScoped<AccountRegistration>();
        services.AddScoped<AccountPasswords>();

        services.ConfigureApplicationCookie(options =>
        {
            // Name, Secure and prefix: AddCookieHardening.
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Idle timeout (ExpireTimeSpan) and the server-side store: AddSessions.
            options.SlidingExpiration = true;
            // A signed-in person who may not see a page gets a plain 403 page, not a bounce to another URL.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddCookieHardening(builder.Environment);
        services.AddTrustedProxies(configuration);
        services.AddKeyProtection(configuration, builder.Environment);

        services.AddSingleton<IAuthorizationHandler, SessionTwoFactorHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, StepUpRedirect>();
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.Admin, p => p.RequireRole(PortalRoles.Admin).AddRequirements(new SessionTwoFactorRequirement()))
            .AddPolicy(PortalPolicies.Recruiter, p => p.RequireRole(PortalRoles.Recruiter, PortalRoles.Admin).AddRequirements(new SessionTwoFactorRequirement()))
            .AddPolicy(PortalPolicies.Manager, p => p.RequireRole(PortalRoles.Manager, PortalRoles.Admin).AddRequirements(new SessionTwoFactorRequirement()))
            // Navigators read people's circumstances and notes: two factors like anyone who sees others' data.
            .AddPolicy(PortalPolicies.Navigator, p => p.RequireRole(PortalRoles.Navigator, PortalRoles.Admin).AddRequirements(new SessionTwoFactorRequirement()))
            // Figures only, never a named person; employers' managers and recruiters see their own organisation's.
            .AddPolicy(PortalPolicies.Insight, p => p.RequireRole(PortalRoles.Analyst, PortalRoles.Manager, PortalRoles.Recruiter, PortalRoles.Navigator, PortalRoles.Admin).AddRequirements(new SessionTwoFactorRequirement()));

        // Several nodes: one output cache in Redis, shared, so a vacancy change or a content reload on
        // any node evicts the cached pages every node serves. Without it each node keeps its own in
        // memory (faster, and right for one node), and another node's change reaches it only when
        // its copy expires.
        if (configuration["OutputCache:Redis"] is { Length: > 0 } redis)
            SharedOutputCache.AddRedis(services, redis);

        // Public content pages are the same for every signed-out visitor; signed-in requests bypass the cache.
        services.AddOutputCache(options =>
        {
            options.AddPolicy(ContentCache.Policy, policy => policy
                .Expire(TimeSpan.FromHours(1))
                .AddPolicy<UntilMidnight>()
                .SetVaryByQuery("*")
                .Tag(ContentCache.Tag));
            // Job searches: evicted with the rest when a vacancy changes on this node; the short
            // expiry bounds how long another node, or a closing date passing, leaves one stale.
            options.AddPolicy(ContentCache.JobsPolicy, policy => policy
                .Expire(TimeSpan.FromMinutes(1))
                .AddPolicy<UntilMidnight>()
                .SetVaryByQuery("*")
                .Tag(ContentCache.Tag));
        });

        // The layout's links, generated once per path base (issue 25).
        services.AddSingleton<SiteLinks>();
        // Page parts kept by <cache> (a role page's body, 10-20 KB each, new when its key changes):
        // 4 MB holds every role many times over; past it the least recently used go first.
        services.Configure<Microsoft.AspNetCore.Mvc.TagHelpers.CacheTagHelperOptions>(options => options.SizeLimit = 4 * 1024 * 1024);

        services.AddRazorPages(options =>
        {
            // Default deny: every page needs sign-in unless a convention below opens it. (A fallback
            // policy would also catch unmatched URLs and turn a plain 404 into a sign-in prompt.)
            options.Conventions.AuthorizeFolder("/");
            options.Conventions.AllowAnonymousToPage("/Index");
            options.Conventions.AllowAnonymousToPage("/Error");
            options.Conventions.AllowAnonymousToFolder("/Careers");
            // The catalogue and a module's outline are open to anyone deciding whether to start;
            // lessons, quizzes, records and certificates belong to a signed-in learner.
            options.Conventions.AllowAnonymousToPage("/Learn/Index");
            options.Conventions.AllowAnonymousToPage("/Learn/Module");
            options.Conventions.AllowAnonymousToFolder("/Verify");
            options.Conventions.AllowAnonymousToFolder("/Jobs");
            options.Conventions.AllowAnonymousToFolder("/Help");
            // Open cohorts are for anyone deciding whether to ask; joining checks sign-in itself.
            options.Conventions.AllowAnonymousToPage("/Programmes/Index");
            options.Conventions.AddFolderApplicationModelConvention("/Careers", ContentCache.Apply);
            options.Conventions.AddFolderApplicationModelConvention("/Help", ContentCache.Apply);
            // Signed out, these show content and nothing personal; signed in, they bypass the cache.
            options.Conventions.AddPageApplicationModelConvention("/Index", ContentCache.Apply);
            options.Conventions.AddPageApplicationModelConvention("/Learn/Index", ContentCache.Apply);
            options.Conventions.AddPageApplicationModelConvention("/Learn/Module", ContentCache.Apply);
            options.Conventions.AddPageApplicationModelConvention("/Jobs/Index", ContentCache.ApplyJobs);
            options.Conventions.AddPageApplicationModelConvention("/Jobs/Job", ContentCache.ApplyJobs);
            options.Conventions.Add(new LowercasePageRoutes());
            options.Conventions.AuthorizeFolder("/Admin", PortalPolicies.Admin);
            options.Conventions.AuthorizeFolder("/Recruit", PortalPolicies.Recruiter);
            options.Conventions.AuthorizeFolder("/Manage", PortalPolicies.Manager);
            options.Conventions.AuthorizeFolder("/Navigate", PortalPolicies.Navigator);
            options.Conventions.AuthorizeFolder("/Insight", PortalPolicies.Insight);
        }).AddMvcOptions(options =>
        {
            // The default names the C# property ("not valid for HourlyPay"); people need the field's
            // label and what to type instead.
            var messages = options.ModelBindingMessageProvider;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => $"'{value}' is not a number; enter {field} in figures, like 12.60");
            messages.SetValueMustBeANumberAccessor(field => $"Enter {field} in figures, like 12.60");
            messages.SetValueIsInvalidAccessor(value => $"'{value}' is not a value this form can use");
        });

        // One culture for every request, whatever the browser asks for: what a page writes
        // ("£12.60", "5 December 2026") is what its forms bind back.
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(UkEnglish.Culture);
            options.SupportedCultures = [UkEnglish.Culture];
            options.SupportedUICultures = [UkEnglish.Culture];
            options.RequestCultureProviders.Clear();
        });

        services.AddPortalRateLimiting(configuration);
        // Care workers read the portal on their own phones and data plans: pages, styles and
        // scripts go compressed (the training matrix's 1.5 MB of HTML to a tenth). Safe over HTTPS
        // here (BREACH needs a secret beside reflected input in one body): the only secret in a
        // page is the antiforgery token, and data protection encrypts it afresh for every response.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "text/csv", "image/svg+xml", "application/manifest+json"];
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        return builder;
    }

    /// <summary>
    /// Sign-ins live in the app database (<see cref="SessionTicketStore"/>): the cookie holds a key,
    /// and deleting the key's row ends the session on every node at once.
    /// </summary>
    private static void AddSessions(IServiceCollection services, ConfigurationManager configuration)
    {
        services.AddSingleton<SessionTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionTicketStore, IOptions<SessionLifetimeOptions>>((options, store, sessions) =>
            {
                options.SessionStore = store;
                options.ExpireTimeSpan = sessions.Value.IdleTimeout;
            });
        // Every 30 minutes Identity rebuilds the signed-in principal from the database, which would
        // forget how this session signed in (amr: a password alone, or two factors) and which
        // session it is. Both belong to the session, not the account, so they are carried over.
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
            {
                foreach (var claim in current.Claims.Where(c => c.Type is "amr" or ClaimTypes.AuthenticationMethod or SessionTicketStore.SessionIdClaim))
                {
                    if (!identity.HasClaim(claim.Type, claim.Value))
                        identity.AddClaim(new Claim(claim.Type, claim.Value));
                }
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Account emails carry links built from the request's Host header. With any host allowed, a
    /// forged header would put an attacker's address into a password-reset link.
    /// </summary>
    private static void RequireExplicitHosts(string? hosts, IHostEnvironment environment)
    {
        if (!environment.IsDevelopment() && (string.IsNullOrWhiteSpace(hosts) || hosts.Split(';').Any(h => h.Trim() == "*")))
            throw new PortalConfigurationException(
                "AllowedHosts must list this site's host names (e.g. AllowedHosts=portal.example.org): '*' would let a forged Host header into emailed links.");
    }
}
