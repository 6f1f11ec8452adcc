using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Jobs;
using Portal.Web.Accounts;
using Portal.Web.Security;

namespace Portal.Web;

public static class WebApplicationExtensions
{
    /// <summary>Work that must finish before the first request: schema, demo data, recurring job definitions.</summary>
    public static async Task PreparePortalAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Settings first: a wrong value should stop start-up before any migration touches the database.
        app.Services.GetService<IStartupValidator>()?.Validate();
        // Invalid content stops start-up here, with every error listed. Each later reload empties the page cache.
        var content = app.Services.GetRequiredService<ContentStore>();
        content.Load();
        ContentCache.EvictOnReload(content, app.Services.GetRequiredService<Microsoft.AspNetCore.OutputCaching.IOutputCacheStore>());
        await PortalDatabase.PrepareAsync(app.Services);
        await Portal.Infrastructure.Training.Offline.ModuleVersions.RecordOnEveryLoadAsync(app.Services);
        await KeyProtection.DropUnencryptedKeysAsync(app.Services);
        await DemoAccounts.SeedAsync(app.Services);
        await DemoTalent.SeedAsync(app.Services);
        await DemoInsight.SeedAsync(app.Services);
        await DemoProgrammes.SeedAsync(app.Services);
        await DemoPipeline.SeedAsync(app.Services);
        await DemoRetention.SeedAsync(app.Services);
        RecurringJobs.Register(app.Services.GetRequiredService<IRecurringJobManager>());
    }

    /// <summary>
    /// Images in content, served from the content folder itself. Pages link them with a version in the
    /// address, so a phone may keep such a copy for good; a changed image gets a new address.
    /// </summary>
    private static void UseContentMedia(WebApplication app)
    {
        var folder = Path.Combine(app.Services.GetRequiredService<ContentStore>().RootPath, ContentMedia.Folder);
        if (!Directory.Exists(folder))
            return;
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(folder),
            RequestPath = ContentMedia.RequestPath,
            OnPrepareResponse = context =>
            {
                if (context.Context.Request.Query.ContainsKey("v"))
                    context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            },
        });
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // First, so HSTS, the redirect, rate limits and the audit log see the client's scheme and address, not the proxy's.
        app.UseForwardedHeaders();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error/500");
            app.UseHsts();
            if (TransportSecurity.ServesHttps(app.Configuration))
                app.UseHttpsRedirection();
        }

        // Before the static files and the output cache, so what they send goes compressed too.
        app.UseResponseCompression();
        app.UseRequestLocalization();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseStaticFiles();
        UseContentMedia(app);
        app.UseRouting();
        app.UseAuthentication();
        // After authentication: the forms behind a session are limited per signed-in person too.
        app.UseRateLimiter();
        app.UseMiddleware<AccessRefusalAudit>();
        app.UseAuthorization();
        app.UseOutputCache();

        app.MapRazorPages();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteHealthAsync }).AllowAnonymous();
        // Liveness: the process answers, nothing more (no database, no jobs). For a load balancer's
        // probe, and the trivial endpoint the load script measures every page against.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHangfireDashboard(SecurityHeadersMiddleware.DashboardPath.Value!, new DashboardOptions
        {
            // Authorization is the endpoint policy below; Hangfire's own local-only default would hide it behind a proxy.
            Authorization = [],
            DashboardTitle = "Background jobs",
            AppPath = "/admin",
        }).RequireAuthorization(PortalPolicies.Admin);
        return app;
    }

    /// <summary>
    /// Up or down for anyone (a load balancer, a status page); which checks, their timings and
    /// descriptions (job servers, queue ages, mail) only for callers on an internal network.
    /// </summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        if (!context.RequestServices.GetRequiredService<IOptions<HealthOptions>>().Value.IsInternal(context.Connection.RemoteIpAddress))
            return JsonSerializer.SerializeAsync(context.Response.Body, new { status = report.Status.ToString() }, cancellationToken: context.RequestAborted);
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, ms = (int)e.Value.Duration.TotalMilliseconds }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
