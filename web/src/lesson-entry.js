// The lesson room's script: it hands the room to the app that loads it.
import { mountLessonRoom } from './lesson-room.js';

self.SoftmaxLessonRoom = mountLessonRoom;
