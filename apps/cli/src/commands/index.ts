import type { Command } from 'commander';
import { registerDemoCommand } from './demo.command';
import { registerExportCommand } from './export.command';
import { registerImportCommand } from './import.command';
import { registerVerifyCommand } from './verify.command';
import { registerBackupCommand } from './backup.command';
import { registerRestoreCommand } from './restore.command';
import { registerReplayCommand } from './replay.command';
import { registerRebuildCommand } from './rebuild.command';
import { registerTokenCommand } from './token.command';
import { registerReportCommand } from './report.command';
import { registerForgetCommand } from './forget.command';
import { registerCampaignCommands } from './campaign.command';

/** Every command of the CLI; each lives in its own file and adds itself to the program here. */
export function registerCommands(program: Command): void {
  program.helpCommand(true);
  registerDemoCommand(program);
  registerExportCommand(program);
  registerImportCommand(program);
  registerVerifyCommand(program);
  registerBackupCommand(program);
  registerRestoreCommand(program);
  registerReplayCommand(program);
  registerRebuildCommand(program);
  registerTokenCommand(program);
  registerReportCommand(program);
  registerForgetCommand(program);
  registerCampaignCommands(program);
}
