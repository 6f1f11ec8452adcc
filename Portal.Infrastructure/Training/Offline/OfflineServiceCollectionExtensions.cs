using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Infrastructure.Training.Offline;

public static class OfflineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the offline sync service. <see cref="ModuleVersions.RecordOnEveryLoadAsync"/> runs once
    /// the schema is in place, so the texts served are noted at start-up and after every reload.
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
