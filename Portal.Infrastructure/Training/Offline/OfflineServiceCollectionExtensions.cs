using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Infrastructure.Training.Offline;

public static class OfflineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the offline sync service. <see cref="ModuleVersions"/> must be resolved once right after
    /// the first content load, so it sees every later reload.
    /// </summary>
    public static IServiceCollection AddOfflineLearning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OfflineOptions>().Bind(configuration.GetSection(OfflineOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ModuleVersions>();
        services.AddScoped<OfflineSyncService>();
        services.AddScoped<KeepList>();
        return services;
    }
}
