using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain.Pathways;
using Portal.Domain.Talent;
using Portal.Domain.Training;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;

using Portal.Infrastructure.Training;

namespace Portal.Infrastructure.Talent;

/// <summary>What a full matching run did.</summary>
public sealed record MatchRunSummary(int People, int Vacancies, long PairsScored, int RowsWritten, TimeSpan Loading, TimeSpan Scoring, TimeSpan Writing);
