using Microsoft.EntityFrameworkCore;

namespace Portal.Infrastructure.Data;

public sealed class PostgresPortalDbContext(DbContextOptions<PostgresPortalDbContext> options) : PortalDbContext(options);
