using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Training;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Jobs;

namespace Portal.Infrastructure.Training;

/// <param name="Progress">Null when the learner has never started the module.</param>
public sealed record CurrentProgress(ModuleProgress? Progress, bool StartedOver);
