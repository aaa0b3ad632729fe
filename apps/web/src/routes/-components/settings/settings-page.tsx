import { EffectiveSettings } from './effective-settings';
import { KeysSection } from './keys-section';
import { SecretsSection } from './secrets-section';
import { SourcesSection } from './sources-section';

export function SettingsPage() {
  return (
    <>
      <h1>Settings</h1>
      <EffectiveSettings />
      <SourcesSection />
      <SecretsSection />
      <KeysSection />
    </>
  );
}
