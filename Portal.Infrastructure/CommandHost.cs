using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Portal.Infrastructure;

/// <summary>
/// The host operator commands and tools run in: the portal's settings (appsettings, the
/// environment, the command line) and its database, content, mail and jobs, but nothing that
/// listens or works in the background: no web server, no Hangfire server. So a command run beside
/// a portal shares its settings, not its port, and never takes queued work meant for the portal.
/// </summary>
public static class CommandHost
{
    public static HostApplicationBuilder CreateBuilder(string[] args)
    {
        var configuration = new ConfigurationManager();
        // What WebApplication.CreateBuilder also reads (ASPNETCORE_ENVIRONMENT above all), so a
        // command sees the environment and settings the portal beside it sees.
        configuration.AddEnvironmentVariables("ASPNETCORE_");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, Configuration = configuration });
        builder.Configuration.AddInMemoryCollection([new("Jobs:ServerEnabled", "false")]);
        builder.Services.AddPortalInfrastructure(builder.Configuration, builder.Environment);
        // Development validates every registration at build, and some infrastructure services need
        // Identity's, which only the web host adds: a command resolves what it uses, so check scopes only.
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true }));
        return builder;
    }
}
