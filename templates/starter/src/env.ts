import { existsSync } from 'node:fs'

// Settings from .env (see .env.example) when the file exists; variables already set win.
if (existsSync('.env')) process.loadEnvFile('.env')
