'use strict';

module.exports = {
  QUOTES: 'md:quotes',
  HALTS: 'md:halts',
  NEWS_PATTERN: 'md:news:*',
};
