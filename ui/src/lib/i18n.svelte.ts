// Interface texts: chosen by key from locales/kk.yml or locales/ru.yml.
// Kazakh is the state language and the default.
import kk from "../../../locales/kk.yml";
import ru from "../../../locales/ru.yml";
import { translate, type Dictionary } from "./translate";

export type Lang = "kk" | "ru";
export const LANGS: Lang[] = ["kk", "ru"];

const dictionaries: Record<Lang, Dictionary> = { kk, ru };

class I18n {
  lang = $state<Lang>("kk");

  t = (key: string, params?: Record<string, string | number>): string =>
    translate(dictionaries[this.lang], key, params);
}

export const i18n = new I18n();
export const t = i18n.t;
