"use client";
import { useState } from "react";
import { Panel } from "@/components/ui/panel";
import { SegmentedControl } from "@/components/ui/segmented-control";
import type { Sections } from "@/lib/i18n/dictionaries";
import { THEME_COOKIE, THEMES, type Theme } from "@/lib/theme";

// Applied at once on the page (the root layout reads the cookie on the next one), so no reload.
export function ThemePanel({ t, initial }: { t: Sections<"settings">; initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  const choose = (next: Theme) => {
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    if (next === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = next;
    setTheme(next);
  };
  return (
    <Panel title={t.settings.themeTitle}>
      <p className="text-sm text-slate-700">{t.settings.themeHint}</p>
      <SegmentedControl
        label={t.settings.themeTitle}
        options={THEMES}
        value={theme}
        labels={{ system: t.settings.themeSystem, light: t.settings.themeLight, dark: t.settings.themeDark }}
        onChange={choose}
      />
    </Panel>
  );
}
