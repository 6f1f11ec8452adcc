using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Content;

public static class ContentServiceCollectionExtensions
{
    /// <summary>Registers <see cref="ContentStore"/>. The app must call <see cref="ContentStore.Load"/> once at start-up.</summary>
    public static IServiceCollection AddPortalContent(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new ContentStore(
            ContentStore.FindRoot(
                provider.GetRequiredService<IOptions<ContentOptions>>().Value.Path,
                provider.GetRequiredService<IHostEnvironment>().ContentRootPath),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ContentStore>>(),
            provider.GetRequiredService<IOptions<Talent.TalentOptions>>().Value.LegalMinimumWage(),
            provider.GetRequiredService<IOptions<ContentOptions>>().Value.Operator));
        return services;
    }
}
