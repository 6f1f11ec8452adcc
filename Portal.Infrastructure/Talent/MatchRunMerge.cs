using Microsoft.EntityFrameworkCore;
using Portal.Domain.Talent;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Talent;

/// <summary>
/// The merge of a sharded run, in the database in one statement each: every vacancy's list is its
/// best <see cref="MatchRunner.KeepPerVacancy"/> candidates across shards, in the single run's order
/// (score, then user id compared ordinally). Reading every candidate back to this process and
/// writing the places again cost more than the shards' scoring.
/// </summary>
internal static class MatchRunMerge
{
    /// <summary>The 60th place on a vacancy's list, whose score is its cutoff.</summary>
    internal sealed class LastPlace
    {
        public Guid VacancyId { get; init; }
        public float Score { get; init; }
    }

    /// <summary>Each vacancy's list settled as places for the shards to write.</summary>
    /// <returns>Places settled.</returns>
    public static Task<int> PlacesAsync(PortalDbContext db, Guid runId, CancellationToken cancellationToken)
    {
        // Only our own constant text goes into the statement; the values are parameters.
        var sql = $$"""
            INSERT INTO "MatchRunPlaces" ("RunId", "Shard", "UserId", "VacancyId", "ForPerson")
            SELECT "RunId", "Shard", "UserId", "VacancyId", {1} FROM ({{Ranked(db)}}) AS "Ranked"
            WHERE "Place" <= {2}
            """;
        return db.Database.ExecuteSqlRawAsync(sql, [runId, false, MatchRunner.KeepPerVacancy], cancellationToken);
    }

    /// <summary>The vacancies whose lists are full, with the last one's score.</summary>
    public static Task<List<LastPlace>> LastPlacesAsync(PortalDbContext db, Guid runId, CancellationToken cancellationToken)
    {
        var sql = $$"""
            SELECT "VacancyId", "Score" FROM ({{Ranked(db)}}) AS "Ranked"
            WHERE "Place" = {1}
            """;
        return db.Database.SqlQueryRaw<LastPlace>(sql, runId, MatchRunner.KeepPerVacancy).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// For each vacancy within reach whose list already has <see cref="MatchRunner.KeepPerVacancy"/>
    /// candidates from shards that finished scoring, the lowest score among its best of them. A
    /// candidate scoring below that can never make the list (that many better ones are already in),
    /// so a shard need not put them forward; in a dense city that is most of them.
    /// </summary>
    public static async Task<Dictionary<Guid, float>> BarsAsync(PortalDbContext db, Guid runId, MatchReach reach, CancellationToken cancellationToken)
    {
        // By score alone: a candidate tying the bar is put forward, for the merge to decide on its id.
        // One look down each vacancy's index (RunId, VacancyId, Score) rather than ranking every candidate.
        var sql = $$"""
            SELECT "VacancyId", "Score" FROM (
                SELECT v."Id" AS "VacancyId", (
                    SELECT c."Score" FROM "MatchRunCandidates" AS c WHERE c."RunId" = {0} AND c."VacancyId" = v."Id"
                    ORDER BY c."Score" DESC {{Nth(db)}}) AS "Score"
                FROM "Vacancies" AS v
                WHERE v."Latitude" >= {1} AND v."Latitude" <= {2} AND v."Longitude" >= {3} AND v."Longitude" <= {4}
            ) AS "Bars"
            WHERE "Score" IS NOT NULL
            """;
        return (await db.Database.SqlQueryRaw<LastPlace>(sql, runId, reach.South, reach.North, reach.West, reach.East, MatchRunner.KeepPerVacancy - 1).ToListAsync(cancellationToken))
            .ToDictionary(b => b.VacancyId, b => b.Score);
    }

    /// <summary>Only the row after skipping parameter 5's count.</summary>
    private static string Nth(PortalDbContext db) =>
        db.Database.IsSqlServer() ? "OFFSET {5} ROWS FETCH NEXT 1 ROWS ONLY" : "LIMIT 1 OFFSET {5}";

    /// <summary>A run's candidates (the run is parameter 0) with their place on their vacancy's list.</summary>
    private static string Ranked(PortalDbContext db) =>
        $$"""
        SELECT "RunId", "Shard", "UserId", "VacancyId", "Score",
            ROW_NUMBER() OVER (PARTITION BY "VacancyId" ORDER BY "Score" DESC, "UserId" COLLATE {{Ordinal(db)}}) AS "Place"
        FROM "MatchRunCandidates" WHERE "RunId" = {0}
        """;

    /// <summary>The collation that orders text as string.CompareOrdinal does for user ids (ASCII): whatever the database's default.</summary>
    private static string Ordinal(PortalDbContext db) =>
        db.Database.IsNpgsql() ? "\"C\"" : db.Database.IsSqlite() ? "BINARY" : "Latin1_General_BIN2";
}
