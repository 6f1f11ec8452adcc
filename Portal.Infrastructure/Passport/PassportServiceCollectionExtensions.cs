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
        services.AddScoped<TrustList>();
        services.AddScoped<RecognitionService>();
        services.AddScoped<Jobs.RecognitionCheckJob>();
        // Another issuer's documents: no redirects (a trusted address must not send us elsewhere), no cookies.
        services.AddHttpClient<IssuerFetcher>(IssuerFetcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new System.Net.Http.SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        return services;
    }
}
