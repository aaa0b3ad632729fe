import { BootstrapCard } from './bootstrap-card';
import { CacheCard } from './cache-card';
import { ExecutionsCard } from './executions-card';
import { InstallationCard } from './installation-card';
import { WebhooksCard } from './webhooks-card';

export function DashboardPage() {
  return (
    <>
      <h1>Dashboard</h1>
      <div className="card-grid">
        <InstallationCard />
        <BootstrapCard />
        <CacheCard />
        <WebhooksCard />
        <ExecutionsCard />
      </div>
    </>
  );
}
