using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Infrastructure.Passport;

public static class PassportServiceCollectionExtensions
{
    /// <summary>The training passport. Signing needs data protection, which the host adds (the web host, and the key-rotation command).</summary>
    public static IServiceCollection AddPortalPassport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PassportOptions>().Bind(configuration.GetSection(PassportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PassportUrls>();
        services.AddScoped<BadgeKeys>();
        services.AddScoped<CredentialSigner>();
        services.AddScoped<PassportService>();
        services.AddScoped<PassportVerifier>();
        return services;
    }
}
