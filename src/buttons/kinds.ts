/**
 * Every kind of button the bot builds, one declaration each: its prefix and its fields. Keyboards
 * pack through these and handlers unpack through them, so no code reads button data by position.
 */
import { SUPPORTED_LOCALES } from '../config.ts';
import { buttonKind } from './kind.ts';

const LOCALES = SUPPORTED_LOCALES;
/** A region id, a topic id or "all": checked against the taxonomy by the handler. */
const ID = 'word';

export const LANGUAGE = {
  menu: buttonKind('lang:menu', []),
  pick: buttonKind('lang', [['locale', LOCALES]]),
};

export const READING = {
  menu: buttonKind('rl:menu', []),
  toggle: buttonKind('rl:x', [['locale', LOCALES]]),
  up: buttonKind('rl:u', [['locale', LOCALES]]),
  others: buttonKind('rl:o', [['mode', ['tag', 'hide']]]),
};

export const SETTINGS = {
  menu: buttonKind('set:menu', []),
  zones: buttonKind('set:zones', []),
  frequency: buttonKind('set:f', [['value', 'word']]),
  weekday: buttonKind('set:d', [['day', 'nat']]),
  hour: buttonKind('set:t', [['step', ['m60', 'p60']]]),
  quiet: buttonKind('set:q', [['value', 'word']]),
  digits: buttonKind('set:n', [['digits', ['latn', 'arab']]]),
  zone: buttonKind('set:z', [['city', 'nat']]),
  unmute: buttonKind('set:um', [['kind', ['t', 's']], ['value', 'word']]),
};

export const SUBSCRIBE = {
  macros: buttonKind('sub:m', []),
  done: buttonKind('sub:done', []),
  /** A suggested place (and topic); `yk` carries the words typed with it, kept a day in the chat's state. */
  pick: buttonKind('sub:y', [['region', ID], ['topic', ID]]),
  pickWithWords: buttonKind('sub:yk', [['region', ID], ['topic', ID]]),
  countries: buttonKind('sub:c', [['macro', 'word'], ['page', 'nat']]),
  /** The topics of a region; `back` is the macro-region page it came from, or "m" for the macro list. */
  topics: buttonKind('sub:t', [['region', ID], ['back', 'word'], ['page', 'nat']]),
  toggle: buttonKind('sub:x', [['region', ID], ['topic', ID], ['back', 'word'], ['page', 'nat']]),
};

export const UNSUBSCRIBE = {
  everything: buttonKind('uns:everything', []),
  really: buttonKind('uns:really', []),
  undo: buttonKind('uns:undo', []),
  list: buttonKind('uns:list', []),
  one: buttonKind('uns', [['region', ID], ['topic', ID]]),
};

export const KEYWORDS = {
  list: buttonKind('kw:l', []),
  open: buttonKind('kw:o', [['sub', 'nat']]),
  add: buttonKind('kw:a', [['sub', 'nat']]),
  clear: buttonKind('kw:c', [['sub', 'nat']]),
  remove: buttonKind('kw:r', [['sub', 'nat'], ['side', ['i', 'e']], ['word', 'word']]),
};

export const SEARCH = {
  page: buttonKind('srch', [['query', 'word'], ['page', 'int']]),
  period: buttonKind('srchp', [['query', 'word'], ['period', ['day', 'week', 'month', 'year', 'all']]]),
};

export const CHANNELS = {
  back: buttonKind('chn:back', []),
  manage: buttonKind('chn:m', [['channel', 'int']]),
};

/** Digest buttons carry the digest's instant (base 36) and a tag binding them to the chat (buttons.ts). */
export const DIGEST = {
  settings: buttonKind('dg:set', []),
  more: buttonKind('dg:more', [['at', 'word'], ['page', 'nat'], ['tag', 'word']]),
  less: buttonKind('dg:less', [['kind', ['t', 's']], ['value', 'word'], ['at', 'word'], ['tag', 'word']]),
  taste: buttonKind('dg:t', [['region', ID], ['topic', ID], ['at', 'word'], ['tag', 'word']]),
  tasteWhole: buttonKind('dg:tw', [['at', 'word'], ['tag', 'word']]),
};

export const BREAKING = {
  press: buttonKind('brk', [['draft', 'nat'], ['nonce', 'word'], ['op', ['s', 'c']]]),
};

export const SOURCES = {
  list: buttonKind('src:l', [['page', 'nat']]),
  act: buttonKind('src', [['op', ['d', 'p', 'r', 'x']], ['source', 'nat'], ['page', 'nat']]),
};
