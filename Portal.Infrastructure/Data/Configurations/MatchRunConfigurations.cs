using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Talent;

namespace Portal.Infrastructure.Data.Configurations;

internal sealed class MatchRunConfiguration : IEntityTypeConfiguration<MatchRun>
{
    public void Configure(EntityTypeBuilder<MatchRun> builder)
    {
        builder.ToTable("MatchRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ContentVersion).HasMaxLength(MatchRun.MaxContentVersionLength);
        builder.HasIndex(r => r.StartedAtUtc);
    }
}

internal sealed class MatchRunShardConfiguration : IEntityTypeConfiguration<MatchRunShard>
{
    public void Configure(EntityTypeBuilder<MatchRunShard> builder)
    {
        builder.ToTable("MatchRunShards");
        builder.HasKey(s => new { s.RunId, s.Shard });
        builder.HasOne<MatchRun>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.Districts).HasMaxLength(MatchRunShard.MaxDistrictsLength);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ScoreWorker).HasMaxLength(MatchRunShard.MaxWorkerLength);
        builder.Property(s => s.WriteWorker).HasMaxLength(MatchRunShard.MaxWorkerLength);
        builder.Ignore(s => s.DistrictList);
    }
}

internal sealed class MatchRunCandidateConfiguration : IEntityTypeConfiguration<MatchRunCandidate>
{
    public void Configure(EntityTypeBuilder<MatchRunCandidate> builder)
    {
        builder.ToTable("MatchRunCandidates");
        // No foreign keys, like Matches: written in bulk while a run scores and cleared when it completes.
        builder.HasKey(c => new { c.RunId, c.VacancyId, c.UserId });
        // A shard scoring looks down each vacancy's best so far, to put forward only people who could still make its list.
        builder.HasIndex(c => new { c.RunId, c.VacancyId, c.Score });
    }
}

internal sealed class MatchRunPlaceConfiguration : IEntityTypeConfiguration<MatchRunPlace>
{
    public void Configure(EntityTypeBuilder<MatchRunPlace> builder)
    {
        builder.ToTable("MatchRunPlaces");
        // A shard reads its own people's places.
        builder.HasKey(p => new { p.RunId, p.Shard, p.UserId, p.VacancyId, p.ForPerson });
    }
}

internal sealed class MatchRunPersonConfiguration : IEntityTypeConfiguration<MatchRunPerson>
{
    public void Configure(EntityTypeBuilder<MatchRunPerson> builder)
    {
        builder.ToTable("MatchRunPeople");
        // No foreign keys, like MatchPeople: written in bulk while a run scores and cleared when it completes.
        builder.HasKey(p => new { p.RunId, p.Shard, p.UserId });
        builder.Property(p => p.Days).HasConversion<int>();
        builder.Property(p => p.Shifts).HasConversion<int>();
        builder.Ignore(p => p.Candidate);
    }
}
