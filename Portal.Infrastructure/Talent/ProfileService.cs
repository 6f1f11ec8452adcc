using Microsoft.EntityFrameworkCore;
using Portal.Domain.Pathways;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Jobs;

namespace Portal.Infrastructure.Talent;

/// <summary>A person's own candidate profile; one each, made on first save.</summary>
public sealed class ProfileService(PortalDbContext db, Rematch rematch, TimeProvider clock)
{
    public Task<CandidateProfile?> FindAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Set<CandidateProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);

    public async Task<IReadOnlyDictionary<string, CandidateProfile>> FindManyAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default) =>
        await db.Set<CandidateProfile>().AsNoTracking().Where(p => userIds.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);

    public async Task<Result> SaveAsync(string userId, CandidateDetails details, CancellationToken cancellationToken = default)
    {
        var profile = await db.Set<CandidateProfile>().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            profile = CandidateProfile.For(userId);
            db.Add(profile);
        }
        profile.Update(details, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        rematch.PersonChanged(userId);
        return Result.Done();
    }

    /// <summary>What the profile adds to a route plan: declared qualifications, checks and driving licence.</summary>
    public static LearnerHoldings AddTo(LearnerHoldings holdings, CandidateProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        return profile is null ? holdings : new LearnerHoldings
        {
            CompletedModules = holdings.CompletedModules,
            Programmes = [.. holdings.Programmes.Union(profile.Qualifications, StringComparer.Ordinal)],
            Checks = [.. holdings.Checks.Union(profile.DeclaredChecks(), StringComparer.Ordinal)],
            ExperienceMonths = holdings.ExperienceMonths,
            DrivingLicence = holdings.DrivingLicence || profile.DrivingLicence,
        };
    }
}
