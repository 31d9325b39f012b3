/*
 * Per-language search with stemming, around Material's own search worker.
 *
 * The index holds stems ("zenuwen" is indexed as "zenuw"), but Material appends "*" to
 * every typed word and lunr never stems a word that carries "*". So "zenuwen*" would
 * find nothing. Before Material sees a query, we replace each plain word by the longest
 * common prefix of the word and its stem, in the index's language: "wervelkanalen" ->
 * "wervelkanal", "nerves" -> "nerv". Material then makes it a prefix query, which also
 * keeps type-ahead and compounds ("wervelkanaalstenose") working.
 *
 * __MATERIAL_WORKER__ is replaced at build time by the file name of the pinned Material
 * worker in this folder.
 */
"use strict"

// Message types of Material 9.8.1's search worker.
const SETUP = 0
const QUERY = 2
let language = "en"

function commonPrefix(a, b) {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return a.slice(0, i)
}

function stemmerFor(lang) {
  const fn = lang === "en" ? self.lunr.stemmer : self.lunr[lang] && self.lunr[lang].stemmer
  if (!fn) return word => word
  return word => fn(new self.lunr.Token(word, {})).toString()
}

function stemQuery(query) {
  // Resolved per query: Material loads the language's stemmer while handling SETUP.
  const stem = stemmerFor(language)
  // Only plain words: anything with lunr syntax (+ - * ~ ^ :) is left as typed.
  return query.replace(/(^|\s)([\p{L}\p{N}]{3,})(?=\s|$)/gu, (match, space, word) => {
    const lower = word.toLowerCase()
    const prefix = commonPrefix(lower, stem(lower))
    return space + (prefix.length >= 2 ? prefix : lower)
  })
}

// Registered before Material's listener, so it sees (and rewrites) every message first.
addEventListener("message", ev => {
  const message = ev.data
  if (message.type === SETUP) {
    const langs = message.data.config.lang
    language = langs.length === 1 ? langs[0] : "en"
  } else if (message.type === QUERY && typeof message.data === "string") {
    message.data = stemQuery(message.data)
  }
})

importScripts("__MATERIAL_WORKER__")
