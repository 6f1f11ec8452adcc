using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Programmes;
using Portal.Infrastructure.Equality;
using Portal.Infrastructure.Jobs;

namespace Portal.Infrastructure.Programmes;

public static class ProgrammesServiceCollectionExtensions
{
    /// <summary>Programmes, cohorts, outcomes and check-ins; priority neighbourhoods; equality monitoring.</summary>
    public static IServiceCollection AddProgrammes(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PriorityNeighbourhoodsOptions>().Bind(configuration.GetSection(PriorityNeighbourhoodsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PriorityNeighbourhoodsOptions>, PriorityNeighbourhoodsOptionsValidator>();
        services.AddSingleton(provider => new PriorityNeighbourhoods(provider.GetRequiredService<IOptions<PriorityNeighbourhoodsOptions>>().Value.Sectors));
        services.AddScoped<OutcomeRecorder>();
        services.AddScoped<ProgrammeService>();
        services.AddScoped<CohortSignUp>();
        services.AddScoped<Navigation.CaseProgrammes>();
        services.AddScoped<Navigation.CaseEditing>();
        services.AddScoped<CheckInJob>();
        services.AddScoped<EqualityService>();
        return services;
    }
}
